package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.IdpSession;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SsoSession;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The life of a sign-in session after the login: it is registered when the engine signs a user in (the
 * {@link LoginOutcome.SignedIn#sessionId()} the host keeps with its session), checked on later requests
 * ({@link #isLive}), and ended by the user signing out ({@link #beginLogout}, then the IdP's redirect back,
 * {@link #completeLogout}) or by the IdP ({@link #backChannelLogout}). Every refusal is a typed failure with an
 * error-log record, and ends nothing it should not.
 *
 * <pre>{@code
 * SessionLifecycle sessions = engine.sessions();
 * if (!sessions.isLive(sessionIdFromHostSession)) { signOutLocally(); }
 * LogoutOutcome out = sessions.beginLogout(sessionIdFromHostSession, "/", baseUrl);
 * }</pre>
 */
public final class SessionLifecycle {
    private final EngineParts parts;
    private final SessionRegistry registry;
    private final SessionPolicy policy;
    private final RpLogout rpLogout;
    private final BackChannelLogout backChannel;
    private final RandomTokens random = new RandomTokens();

    SessionLifecycle(EngineParts parts, AppSelector selector, IdpClients clients, SessionRegistry registry, SessionPolicy policy) {
        this.parts = parts;
        this.registry = registry;
        this.policy = policy;
        this.rpLogout = new RpLogout(parts, selector, clients, registry);
        this.backChannel = new BackChannelLogout(parts, selector, clients, registry);
    }

    /**
     * Whether the sign-in session still lives: not signed out here or at the IdP (on any node sharing the registry),
     * not older than {@link SessionPolicy#sessionMaxAge()}. An unknown id is not live.
     *
     * @throws io.gatehouse.sso.spi.PersistenceException when the registry cannot be read (the caller decides; a
     *                                                    filter should answer 503, neither sign out nor let through)
     */
    public boolean isLive(String sessionId) {
        return sessionId != null && registry.find(sessionId).map(s -> s.liveAt(parts.clock().instant())).orElse(false);
    }

    /**
     * Signs out, after the host ended its own session: ends the sign-in session and, when its IdP publishes an
     * {@code end_session_endpoint}, answers a {@link LogoutOutcome.Redirect} there; else {@link LogoutOutcome.Done}.
     *
     * @param sessionId the sign-in session the host's session carried, or null (a local sign-out only)
     * @param next      where to go afterwards (only a same-origin path survives)
     * @param baseUrl   the public base URL; the post-logout redirect URI is {@code <baseUrl>/accounts/logout/callback/}
     */
    public LogoutOutcome beginLogout(String sessionId, String next, URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        LoginAttempt attempt = LoginAttempt.logout(parts.failures(), next, baseUrl);
        return attempt.guard(() -> rpLogout.begin(sessionId, attempt), f -> new LogoutOutcome.Failed(f.failure(), f.next()));
    }

    /** The IdP's redirect back to the post-logout redirect URI: its {@code state} must match this browser's logout cookie. */
    public LogoutOutcome completeLogout(CallbackRequest callback) {
        List<String> carried = new ArrayList<>(callback.cookies().values());
        carried.addAll(callback.params().getOrDefault("state", List.of()));
        LoginAttempt attempt = LoginAttempt.logoutCallback(parts.failures(), carried);
        return attempt.guard(() -> rpLogout.complete(callback, attempt), f -> new LogoutOutcome.Failed(f.failure(), f.next()));
    }

    /**
     * An IdP's back-channel logout request to {@code <baseUrl>/accounts/<routeId>/backchannel-logout/}.
     *
     * @param params the form parameters of the POST (one {@code logout_token})
     */
    public BackChannelOutcome backChannelLogout(String routeId, Map<String, List<String>> params, URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        LoginAttempt attempt = LoginAttempt.backChannel(parts.failures(), routeId, params.getOrDefault("logout_token", List.of()));
        return attempt.guard(() -> backChannel.receive(routeId, params, baseUrl, attempt),
                f -> new BackChannelOutcome.Refused(f.failure()));
    }

    /** Registers the session a sign-in starts, and names it in the outcome; other outcomes pass unchanged. */
    LoginOutcome started(LoginOutcome outcome, String routeId, String appId, IdpSession idp) {
        if (!(outcome instanceof LoginOutcome.SignedIn signedIn)) {
            return outcome;
        }
        Instant now = parts.clock().instant();
        String id = random.next();
        registry.add(new SsoSession(id, signedIn.user().id(), routeId, appId, idp == null ? null : idp.subject(),
                idp == null ? null : idp.sid(), idp == null ? null : idp.idToken(), now, now.plus(policy.sessionMaxAge()), null));
        return new LoginOutcome.SignedIn(signedIn.user(), signedIn.account(), signedIn.newUser(), signedIn.next(), id);
    }
}
