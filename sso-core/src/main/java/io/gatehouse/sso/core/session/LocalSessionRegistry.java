package io.gatehouse.sso.core.session;

import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SsoSession;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SessionRegistry} in this node's memory: one lock, expired sessions dropped as sessions are added. It is
 * the engine's default and fits one node; with several nodes a back-channel logout reaches only the node that
 * received it, so give every node a shared registry ({@code JdbcStores.sessions()}).
 *
 * <pre>{@code
 * SessionRegistry sessions = new LocalSessionRegistry(Clock.systemUTC());
 * }</pre>
 */
public final class LocalSessionRegistry implements SessionRegistry {
    private final Object lock = new Object();
    private final Map<String, SsoSession> sessions = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Sessions are forgotten once expired by this clock.
     *
     * @param clock the time sessions expire by
     */
    public LocalSessionRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void add(SsoSession session) {
        Instant now = clock.instant();
        synchronized (lock) {
            // sessions expire in the order they were added (one policy, one clock), so the expired ones are at the
            // head: the purge stops at the first live one, which keeps a sign-in's cost flat however many are kept
            Iterator<SsoSession> oldestFirst = sessions.values().iterator();
            while (oldestFirst.hasNext() && !now.isBefore(oldestFirst.next().expiresAt())) {
                oldestFirst.remove();
            }
            sessions.put(session.id(), session);
        }
    }

    @Override
    public Optional<SsoSession> find(String id) {
        synchronized (lock) {
            return Optional.ofNullable(sessions.get(id));
        }
    }

    @Override
    public boolean end(String id, Instant at) {
        synchronized (lock) {
            SsoSession s = sessions.get(id);
            if (s == null || s.endedAt() != null) {
                return false;
            }
            sessions.put(id, s.endedAt(at));
            return true;
        }
    }

    @Override
    public SessionsEnded endAll(String provider, String subject, String sid, Instant at) {
        if (subject == null && sid == null) {
            throw new IllegalArgumentException("a subject, a sid or both");
        }
        int ended = 0;
        int before = 0;
        synchronized (lock) {
            for (Map.Entry<String, SsoSession> entry : sessions.entrySet()) {
                SsoSession s = entry.getValue();
                if (!s.provider().equals(provider) || (sid != null && !sid.equals(s.sid()))
                        || (subject != null && !subject.equals(s.subject()))) {
                    continue;
                }
                if (s.liveAt(at)) {
                    entry.setValue(s.endedAt(at));
                    ended++;
                } else {
                    before++;
                }
            }
        }
        return new SessionsEnded(ended, before);
    }
}
