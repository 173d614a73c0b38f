package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The local sessions that sign-ins through identity providers started, so that a session can be ended from
 * wherever the news arrives: an IdP's back-channel logout names the IdP's session ({@code sid}) or user
 * ({@code sub}), and every application node then refuses the host sessions that carry an ended session's id.
 * A store shared by every node (the JDBC store is) makes a logout received by one node end a session held on
 * another.
 *
 * <pre>{@code
 * registry.add(session);                                              // at sign-in
 * boolean live = registry.find(handle).map(s -> s.liveAt(now)).orElse(false); // on each request
 * SessionsEnded r = registry.endAll("keycloak", null, sid, now);      // back-channel logout
 * }</pre>
 *
 * <p>What an implementation must guarantee (the {@code SessionRegistryContract} of {@code sso-testkit} checks it):
 * <ul>
 *   <li>A session added on one node is found, and an ending is seen, on every node sharing the store.</li>
 *   <li>The ID token is kept confidential (encrypted at rest); nothing but the session's id finds it.</li>
 *   <li>Ending is idempotent and exact: of concurrent ends of one session exactly one reports it ended.</li>
 *   <li>A session may be forgotten once its {@code expiresAt} has passed, never before.</li>
 * </ul>
 */
public interface SessionRegistry {

    /** Remembers a session that just started. */
    void add(SsoSession session);

    /** The session with this id, live or ended; empty when unknown (or forgotten after it expired). */
    Optional<SsoSession> find(String id);

    /**
     * Ends one session (a local sign-out).
     *
     * @return true when this call ended it; false when it was unknown or had already ended
     */
    boolean end(String id, Instant at);

    /**
     * Ends every live session of {@code provider} with this IdP session id, or, when {@code sid} is null, every live
     * session of this IdP subject. With both given a session must match both.
     *
     * @param subject the IdP's {@code sub}, or null
     * @param sid     the IdP's session id, or null (one of the two is required)
     * @return how many matching sessions this call ended, and how many matching ones had ended before
     */
    SessionsEnded endAll(String provider, String subject, String sid, Instant at);

    /**
     * What {@link #endAll} found.
     *
     * @param ended        sessions this call ended
     * @param alreadyEnded matching sessions that had ended before (a logout the host already did locally)
     */
    record SessionsEnded(int ended, int alreadyEnded) {
        /** Whether any session matched at all. */
        public boolean matched() {
            return ended + alreadyEnded > 0;
        }
    }
}
