package io.gatehouse.sso.core;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import io.gatehouse.sso.core.provider.AppSelector;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.transaction.LogoutTransaction;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SsoSession;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing out at the IdP (OpenID Connect RP-Initiated Logout 1.0): the sign-in session ends here first; then, when
 * the IdP publishes an {@code end_session_endpoint}, the browser goes there with the ID token as
 * {@code id_token_hint}, our {@code client_id}, the registered {@code post_logout_redirect_uri} and a fresh
 * {@code state}, sealed with the {@code next} into a cookie; the IdP's redirect back must return that state, once.
 */
final class RpLogout {
    private final EngineParts parts;
    private final AppSelector selector;
    private final IdpClients clients;
    private final SessionRegistry registry;
    private final RandomTokens random = new RandomTokens();

    RpLogout(EngineParts parts, AppSelector selector, IdpClients clients, SessionRegistry registry) {
        this.parts = parts;
        this.selector = selector;
        this.clients = clients;
        this.registry = registry;
    }

    /** Ends the sign-in session; the IdP's end-session redirect when it has one and this call ended a live session. */
    LogoutOutcome begin(String sessionId, LoginAttempt attempt) throws ProviderException {
        Optional<SsoSession> session = sessionId == null ? Optional.empty() : registry.find(sessionId);
        if (session.isEmpty() || !registry.end(sessionId, parts.clock().instant()) || session.get().idToken() == null) {
            // no IdP session to end: not an SSO sign-in, ended before (back-channel), or an IdP without ID tokens
            return new LogoutOutcome.Done(attempt.next());
        }
        SsoSession ended = session.get();
        SelectedApp selected = selector.selectById(ended.provider(), BaseUrl.siteOf(attempt.baseUrl()), ended.appId());
        attempt.scrub(selected.app().secret(), ended.idToken());
        ProviderContext context = ProviderContext.of(selected, attempt.baseUrl(), clients);
        Optional<URI> endSession = selected.backend().endSessionEndpoint(context);
        if (endSession.isEmpty()) {
            return new LogoutOutcome.Done(attempt.next());
        }
        String state = random.next();
        LogoutTransaction tx = new LogoutTransaction(state, attempt.next(), ended.provider());
        TransactionCookie cookie = new TransactionCookie(LogoutTransaction.COOKIE, tx.sealWith(parts.seal(),
                parts.config().transactionTtl()), TransactionCookie.PATH, parts.config().transactionTtl(),
                "https".equalsIgnoreCase(attempt.baseUrl().getScheme()), "Lax");
        URI location = new LogoutRequest(endSession.get(), idTokenHint(ended.idToken()), null,
                new ClientID(selected.app().clientId()), BaseUrl.postLogoutUri(attempt.baseUrl()), new State(state), null).toURI();
        return new LogoutOutcome.Redirect(location, cookie, attempt.next());
    }

    /** The IdP's redirect back: the state must be the one this browser's logout cookie seals, and used once. */
    LogoutOutcome complete(CallbackRequest callback, LoginAttempt attempt) {
        Optional<String> repeated = callback.params().entrySet().stream().filter(p -> p.getValue().size() > 1)
                .map(Map.Entry::getKey).findFirst();
        if (repeated.isPresent()) {
            return failed(attempt, FailureCode.LOGOUT_STATE_MISMATCH, "The logout callback repeats the parameter '"
                    + repeated.get() + "'");
        }
        List<String> states = callback.params().getOrDefault("state", List.of());
        String sealed = callback.cookies().get(LogoutTransaction.COOKIE);
        if (states.isEmpty() || sealed == null) {
            return failed(attempt, FailureCode.LOGOUT_STATE_MISMATCH, states.isEmpty() ? "The logout callback has no state"
                    : "No logout cookie matches the logout callback (cookie blocked, sign-out started elsewhere, or forged)");
        }
        LogoutTransaction tx;
        try {
            tx = LogoutTransaction.openWith(parts.seal(), sealed);
        } catch (Seal.Broken | Seal.Expired e) {
            return failed(attempt, FailureCode.LOGOUT_STATE_MISMATCH, "The logout cookie was rejected: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(tx.state().getBytes(StandardCharsets.UTF_8), states.get(0).getBytes(StandardCharsets.UTF_8))) {
            return failed(attempt, FailureCode.LOGOUT_STATE_MISMATCH, "The logout callback's state differs from the logout cookie's");
        }
        LoginAttempt bound = attempt.continuingTo(tx.next());
        if (!parts.singleUse().firstUse(SingleUseKey.ofSecret("logout-state", tx.state()),
                parts.clock().instant().plus(parts.config().transactionTtl()))) {
            return failed(bound, FailureCode.LOGOUT_STATE_REPLAYED, "A logout callback with an already used state was presented again");
        }
        return new LogoutOutcome.Done(tx.next());
    }

    static LogoutOutcome.Failed failed(LoginAttempt attempt, FailureCode code, String info) {
        LoginOutcome.Failed f = attempt.refuse(code, info);
        return new LogoutOutcome.Failed(f.failure(), f.next());
    }

    /** The stored ID token as the hint; a token that no longer parses is left out (the IdP then asks the user). */
    private static JWT idTokenHint(String idToken) {
        try {
            return JWTParser.parse(idToken);
        } catch (ParseException e) {
            return null;
        }
    }
}
