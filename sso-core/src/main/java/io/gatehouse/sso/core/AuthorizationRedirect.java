package io.gatehouse.sso.core;

import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.IssuerIdentification;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.SelectedApp;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.TransactionCookie;

import java.net.URI;

/**
 * The first half of a login: the authorization request (RFC 6749 §4.1.1, OIDC Core 3.1.2.1) with a fresh state,
 * nonce and PKCE verifier (RFC 9700 §2.1.1), and the login transaction sealed into the cookie that binds the
 * answer to this browser (RFC 9700 §4.7.1).
 */
final class AuthorizationRedirect {
    private final EngineParts parts;
    private final RandomTokens random = new RandomTokens();

    AuthorizationRedirect(EngineParts parts) {
        this.parts = parts;
    }

    /** Where to send the browser, with the transaction cookie to set. */
    LoginOutcome.Redirect to(String routeId, LoginRequest request, SelectedApp selected, ProviderContext context,
                             LoginAttempt attempt) throws ProviderException {
        selected.backend().checkSettings(context);
        String state = random.next();
        String nonce = random.next();
        String verifier = pkceEnabled(selected) ? new CodeVerifier().getValue() : null;
        URI location = selected.backend().authorizationUri(context, new AuthorizationParams(state, nonce, verifier));
        // RFC 9207 §2.4: the callback's iss must name the issuer this login went to, as the IdP announced it now
        IssuerIdentification issuer = selected.backend().issuerIdentification(context).orElse(null);
        LoginTransaction tx = new LoginTransaction(state, nonce, verifier, routeId, selected.app().id(), request.process(),
                attempt.next(), request.process() == AuthProcess.CONNECT ? request.signedInUserId() : null, parts.clock().instant(),
                issuer);
        String sealed = tx.sealWith(parts.seal(), parts.config().transactionTtl());
        TransactionCookie cookie = new TransactionCookie(TransactionCookie.nameFor(state), sealed, TransactionCookie.PATH,
                parts.config().transactionTtl(), "https".equalsIgnoreCase(request.baseUrl().getScheme()), "Lax");
        return new LoginOutcome.Redirect(location, cookie, attempt.next());
    }

    private static boolean pkceEnabled(SelectedApp selected) {
        return selected.settings().bool("pkce_enabled", selected.settings().bool("OAUTH_PKCE_ENABLED", true));
    }
}
