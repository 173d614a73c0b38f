package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of the IdP's redirect back (the authorization response) before anything is exchanged, in the
 * order the specifications give them: OAuth 2.0 (RFC 6749 §4.1.2, §10.12), OpenID Connect Core 1.0
 * (3.1.2.5-3.1.2.7) and the OAuth 2.0 Security BCP (RFC 9700: §2.1.1, §4.4 mix-up, §4.5 code injection,
 * §4.7 CSRF). The ID token, the code exchange and PKCE's verifier are the provider backend's part.
 */
final class CallbackChecks {

    /** A callback that passed every check: its transaction, the code to exchange, the attempt now bound for the transaction's next. */
    record Passed(LoginTransaction transaction, String code, LoginAttempt attempt) {
    }

    /** What to do with a callback that passed. */
    @FunctionalInterface
    interface Then {
        LoginOutcome run(Passed passed) throws ProviderException;
    }

    private final EngineParts parts;

    CallbackChecks(EngineParts parts) {
        this.parts = parts;
    }

    /** Runs every check; the first that fails is the refusal, else {@code then} decides. */
    LoginOutcome verify(String routeId, CallbackRequest callback, LoginAttempt attempt, Then then) throws ProviderException {
        // RFC 6749 §3.1: request and response parameters must not be included more than once
        for (Map.Entry<String, List<String>> p : callback.params().entrySet()) {
            if (p.getValue().size() > 1) {
                return attempt.refuse(FailureCode.IDP_RESPONSE_INVALID, "The callback repeats the parameter '" + p.getKey() + "'");
            }
        }
        // RFC 6749 §4.1.2, OIDC Core 3.1.2.5 and 3.1.2.6: every answer (success or error) returns the state we sent
        String state = param(callback, "state");
        if (state == null || state.isBlank()) {
            return attempt.refuse(FailureCode.STATE_MISMATCH, "The callback has no state parameter (forged or broken request)");
        }
        // RFC 6749 §10.12, RFC 9700 §4.7.1: the state is bound to this user agent by the transaction cookie named for it
        String sealed = callback.cookies().get(TransactionCookie.nameFor(state));
        if (sealed == null) {
            return attempt.refuse(FailureCode.TRANSACTION_MISSING, "No login transaction cookie matches the callback's state "
                    + "(cookie blocked, login started elsewhere, or a forged request)");
        }
        // RFC 6749 §10.12: the binding value must be one we issued (sealed, so unforgeable) and still current
        LoginTransaction tx;
        try {
            tx = LoginTransaction.openWith(parts.seal(), sealed);
        } catch (Seal.Broken e) {
            return attempt.refuse(FailureCode.TRANSACTION_INVALID, "The login transaction cookie was rejected: " + e.getMessage());
        } catch (Seal.Expired e) {
            return attempt.refuse(FailureCode.TRANSACTION_EXPIRED,
                    "The login transaction expired (limit " + parts.config().transactionTtl() + ")");
        }
        // OIDC Core 3.1.2.7, RFC 6749 §10.12: the returned state equals the transaction's (compared in constant time)
        if (!MessageDigest.isEqual(tx.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            return attempt.refuse(FailureCode.STATE_MISMATCH, "The callback's state differs from the login transaction's");
        }
        return verifyBoundCallback(routeId, callback, tx, attempt.continuingTo(tx.next()), then);
    }

    /** The checks once the callback is known to belong to this browser's transaction (refusals now go to its next). */
    private LoginOutcome verifyBoundCallback(String routeId, CallbackRequest callback, LoginTransaction tx, LoginAttempt attempt,
                                             Then then) throws ProviderException {
        // RFC 9700 §4.4.2 (mix-up): each IdP has its own redirect URI, and the answer must come back to the one the login used
        if (!tx.routeId().equals(routeId)) {
            return attempt.refuse(FailureCode.PROVIDER_MISMATCH, "A login started for '" + tx.routeId() + "' came back to '" + routeId + "'");
        }
        // RFC 9207 §2.4 (issuer identification, the other mix-up defence): an answer names the IdP that sent it
        Optional<LoginOutcome> wrongIssuer = checkIssuer(callback, tx, attempt);
        if (wrongIssuer.isPresent()) {
            return wrongIssuer.get();
        }
        // RFC 9700 §2.1.1 and §4.5: an authorization response is used once, whatever the IdP does with its codes
        if (!parts.singleUse().firstUse(SingleUseKey.ofSecret("callback-state", tx.state()),
                parts.clock().instant().plus(parts.config().transactionTtl()))) {
            return attempt.refuse(FailureCode.CALLBACK_REPLAYED, "A callback with an already used state was presented again");
        }
        // RFC 6749 §4.1.2.1, OIDC Core 3.1.2.6: an error response; access_denied is the user declining
        String error = param(callback, "error");
        if (error != null) {
            String description = Optional.ofNullable(param(callback, "error_description")).map(d -> ": " + d).orElse("");
            FailureCode code = "access_denied".equals(error) ? FailureCode.CANCELLED : FailureCode.IDP_ERROR;
            return attempt.refuse(code, "The identity provider answered error=" + error + description);
        }
        // RFC 6749 §4.1.2, OIDC Core 3.1.2.5: a successful response carries the code
        String code = param(callback, "code");
        if (code == null || code.isBlank()) {
            return attempt.refuse(FailureCode.MISSING_CODE, "The callback has neither a code nor an error");
        }
        // RFC 9700 §4.7 (CSRF): a connect must be finished by the signed-in user who started it
        if (tx.process() == AuthProcess.CONNECT && callback.signedInUserId() == null) {
            return attempt.refuse(FailureCode.NOT_SIGNED_IN, "A connect callback arrived without a signed-in user");
        }
        if (tx.process() == AuthProcess.CONNECT && !callback.signedInUserId().equals(tx.userId())) {
            return attempt.refuse(FailureCode.CONNECT_USER_MISMATCH, "A connect started by user " + tx.userId()
                    + " was completed by user " + callback.signedInUserId());
        }
        return then.run(new Passed(tx, code, attempt));
    }

    /**
     * RFC 9207 §2.4: an {@code iss} must equal the issuer the login went to, exactly (no normalization); an IdP that
     * promises {@code iss} must send it. An IdP without an issuer identifier (GitHub publishes no metadata and sends no
     * {@code iss}) has nothing to compare with: its callbacks are not checked, and routes alone keep IdPs apart.
     */
    private static Optional<LoginOutcome> checkIssuer(CallbackRequest callback, LoginTransaction tx, LoginAttempt attempt) {
        if (tx.issuer() == null) {
            return Optional.empty();
        }
        String iss = param(callback, "iss");
        if (iss == null) {
            return tx.issuer().alwaysSent() ? Optional.of(attempt.refuse(FailureCode.RESPONSE_ISSUER_MISSING, "The callback has no "
                    + "iss parameter, but the identity provider's metadata promises one "
                    + "(authorization_response_iss_parameter_supported)")) : Optional.empty();
        }
        if (!iss.equals(tx.issuer().issuer())) {
            return Optional.of(attempt.refuse(FailureCode.RESPONSE_ISSUER_MISMATCH, "The callback's iss '" + iss
                    + "' is not the issuer the login went to, '" + tx.issuer().issuer() + "' (an IdP mix-up)"));
        }
        return Optional.empty();
    }

    private static String param(CallbackRequest callback, String name) {
        List<String> values = callback.params().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
