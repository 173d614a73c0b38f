package io.gatehouse.sso.core.transaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the states of completed callbacks until their transactions would have expired anyway,
 * so replaying a callback (same state, same cookie) on this node fails even if the IdP does not
 * enforce single-use codes. Memory is bounded by logins completed within one transaction lifetime.
 */
public final class ReplayGuard {
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private volatile Instant nextSweep;

    public ReplayGuard(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.nextSweep = clock.instant().plus(ttl);
    }

    /** True the first time a state is presented; false on every later presentation. */
    public boolean firstUse(String state) {
        Instant now = clock.instant();
        sweep(now);
        return used.putIfAbsent(state, now.plus(ttl)) == null;
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(ttl);
        for (Iterator<Map.Entry<String, Instant>> it = used.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isBefore(now)) {
                it.remove();
            }
        }
    }
}
