package io.gatehouse.sso.core;

import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.core.provider.IssuerIdentification;
import io.gatehouse.sso.core.settings.LoginSettings;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.testkit.AdjustableClock;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;
import io.gatehouse.sso.testkit.InMemorySettings;
import io.gatehouse.sso.testkit.InMemorySingleUseValues;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of the IdP's redirect back, one behaviour per test, with a real seal, real transaction cookies and
 * an in-memory single-use store: what each check refuses, and that they run in the specifications' order.
 */
class CallbackChecksTest {
    private static final String ROUTE = "keycloak";
    private static final String STATE = "state-0123456789abcdef";
    /** What {@code then} returns: the callback passed every check. */
    private static final LoginOutcome PASSED = new LoginOutcome.SignedIn(null, null, false, "/passed");
    private static final URI BASE = URI.create("http://localhost:8000");

    private final AdjustableClock clock = AdjustableClock.fixedAt(Instant.parse("2026-03-01T10:00:00Z"));
    private final GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), null, Map.of()));
    private final InMemoryErrorLog errorLog = new InMemoryErrorLog();
    private final FailureLog failures = new FailureLog(errorLog, clock);
    private final InMemorySingleUseValues used = new InMemorySingleUseValues(clock);
    private final Seal seal = new Seal(Seal.randomKey(), clock);
    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final CallbackChecks checks = new CallbackChecks(new EngineParts(config, store, store,
            new LoginSettings(new InMemorySettings()), Mailer.NOT_CONFIGURED, List.of(), failures, seal, used, clock));
    private CallbackChecks.Passed passed;

    private LoginTransaction transaction(String state, AuthProcess process, String userId) {
        return new LoginTransaction(state, "nonce-1", "verifier-1", ROUTE, "app-1", process, "/parts/", userId, clock.instant());
    }

    private Map<String, String> cookieOf(LoginTransaction tx) {
        return Map.of(TransactionCookie.nameFor(tx.state()), tx.sealWith(seal, config.transactionTtl()));
    }

    private static Map<String, List<String>> params(String... namesAndValues) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return params;
    }

    private LoginOutcome verify(String route, Map<String, List<String>> params, Map<String, String> cookies, String signedIn) {
        CallbackRequest callback = new CallbackRequest(params, cookies, BASE, signedIn);
        try {
            return checks.verify(route, callback, LoginAttempt.callback(failures, route, callback), p -> {
                passed = p;
                return PASSED;
            });
        } catch (io.gatehouse.sso.core.provider.ProviderException e) {
            throw new AssertionError(e);
        }
    }

    private LoginOutcome verifyLogin(Map<String, List<String>> params) {
        return verify(ROUTE, params, cookieOf(transaction(STATE, AuthProcess.LOGIN, null)), null);
    }

    private static FailureCode codeOf(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.Failed.class);
        return ((LoginOutcome.Failed) outcome).failure().code();
    }

    private ErrorRecord onlyRecord() {
        assertThat(errorLog.all()).hasSize(1);
        return errorLog.all().get(0);
    }

    @Test
    void aCallbackThatPassesEveryCheckHandsOnItsTransactionCodeAndNext() {
        LoginOutcome outcome = verifyLogin(params("state", STATE, "code", "the-code-42"));

        assertThat(outcome).isSameAs(PASSED);
        assertThat(passed.code()).isEqualTo("the-code-42");
        assertThat(passed.transaction().nonce()).isEqualTo("nonce-1");
        assertThat(passed.transaction().codeVerifier()).isEqualTo("verifier-1");
        assertThat(passed.attempt().next()).isEqualTo("/parts/");
        assertThat(errorLog.all()).isEmpty();
    }

    @Test
    void aRepeatedParameterIsRefusedBeforeAnyOtherCheck() {
        Map<String, List<String>> params = new HashMap<>(Map.of("code", List.of("a-code", "another-code")));

        LoginOutcome outcome = verify(ROUTE, params, Map.of(), null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
        assertThat(onlyRecord().info()).isEqualTo("The callback repeats the parameter 'code'");
    }

    @Test
    void aCallbackWithoutStateIsAStateMismatchThatGoesToTheSiteRoot() {
        LoginOutcome outcome = verifyLogin(params("code", "the-code-42"));

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.STATE_MISMATCH);
        assertThat(outcome.next()).isEqualTo("/");
        assertThat(onlyRecord().data()).isEqualTo("provider=keycloak");
        assertThat(onlyRecord().path()).isEqualTo("auth:/accounts/keycloak/login/callback/");
    }

    @Test
    void aStateWithoutItsTransactionCookieIsRefusedAsMissing() {
        LoginOutcome outcome = verify(ROUTE, params("state", STATE, "code", "c"), Map.of(), null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.TRANSACTION_MISSING);
    }

    @Test
    void aTamperedTransactionCookieIsRefusedAsInvalid() {
        String sealed = cookieOf(transaction(STATE, AuthProcess.LOGIN, null)).get(TransactionCookie.nameFor(STATE));
        String tampered = sealed.substring(0, sealed.length() - 4) + "AAAA";

        LoginOutcome outcome = verify(ROUTE, params("state", STATE, "code", "c"),
                Map.of(TransactionCookie.nameFor(STATE), tampered), null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.TRANSACTION_INVALID);
        assertThat(onlyRecord().info()).doesNotContain(tampered);
    }

    @Test
    void aTransactionOlderThanItsLifetimeIsRefusedAsExpired() {
        Map<String, String> cookie = cookieOf(transaction(STATE, AuthProcess.LOGIN, null));
        clock.advance(config.transactionTtl().plusSeconds(1));

        LoginOutcome outcome = verify(ROUTE, params("state", STATE, "code", "c"), cookie, null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.TRANSACTION_EXPIRED);
    }

    @Test
    void aCookieHoldingAnotherStateIsAStateMismatch() {
        String otherStateSealed = cookieOf(transaction("other-state-fedcba9876", AuthProcess.LOGIN, null)).values().iterator().next();

        LoginOutcome outcome = verify(ROUTE, params("state", STATE, "code", "c"),
                Map.of(TransactionCookie.nameFor(STATE), otherStateSealed), null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.STATE_MISMATCH);
        assertThat(onlyRecord().info()).isEqualTo("The callback's state differs from the login transaction's");
    }

    @Test
    void aCallbackOnAnotherProvidersRouteIsAProviderMismatchThatGoesToTheTransactionsNext() {
        LoginOutcome outcome = verify("github", params("state", STATE, "code", "c"),
                cookieOf(transaction(STATE, AuthProcess.LOGIN, null)), null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.PROVIDER_MISMATCH);
        assertThat(outcome.next()).isEqualTo("/parts/");
    }

    @Test
    void aCallbackSentToTheWrongRouteDoesNotSpendItsState() {
        Map<String, String> cookie = cookieOf(transaction(STATE, AuthProcess.LOGIN, null));
        verify("github", params("state", STATE, "code", "c"), cookie, null);

        assertThat(verify(ROUTE, params("state", STATE, "code", "c"), cookie, null)).isSameAs(PASSED);
    }

    @Test
    void aReplayedCallbackIsRefusedEvenWhenItCarriesAnError() {
        Map<String, String> cookie = cookieOf(transaction(STATE, AuthProcess.LOGIN, null));
        assertThat(verify(ROUTE, params("state", STATE, "code", "c"), cookie, null)).isSameAs(PASSED);

        LoginOutcome again = verify(ROUTE, params("state", STATE, "error", "access_denied"), cookie, null);

        assertThat(codeOf(again)).isEqualTo(FailureCode.CALLBACK_REPLAYED);
    }

    @Test
    void theSingleUseStoreIsGivenADigestOfTheStateNeverTheStateItself() {
        verifyLogin(params("state", STATE, "code", "c"));
        Instant later = clock.instant().plus(Duration.ofMinutes(1));

        assertThat(used.firstUse("callback-state:" + STATE, later)).as("the state itself was not stored").isTrue();
        assertThat(used.firstUse(SingleUseKey.ofSecret("callback-state", STATE), later)).as("its digest was").isFalse();
    }

    @Test
    void accessDeniedIsACancellationEvenWithoutACode() {
        LoginOutcome outcome = verifyLogin(params("state", STATE, "error", "access_denied", "error_description", "User said no"));

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.CANCELLED);
        assertThat(onlyRecord().info()).isEqualTo("The identity provider answered error=access_denied: User said no");
    }

    @Test
    void anyOtherErrorIsAnIdpError() {
        assertThat(codeOf(verifyLogin(params("state", STATE, "error", "server_error")))).isEqualTo(FailureCode.IDP_ERROR);
    }

    @Test
    void aCallbackWithNeitherCodeNorErrorIsMissingItsCode() {
        assertThat(codeOf(verifyLogin(params("state", STATE)))).isEqualTo(FailureCode.MISSING_CODE);
    }

    @Test
    void aConnectCallbackWithoutASignedInUserIsRefused() {
        LoginOutcome outcome = verify(ROUTE, params("state", STATE, "code", "c"),
                cookieOf(transaction(STATE, AuthProcess.CONNECT, "7")), null);

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.NOT_SIGNED_IN);
    }

    @Test
    void aConnectCompletedByAnotherSignedInUserIsRefused() {
        LoginOutcome outcome = verify(ROUTE, params("state", STATE, "code", "c"),
                cookieOf(transaction(STATE, AuthProcess.CONNECT, "7")), "8");

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.CONNECT_USER_MISMATCH);
        assertThat(onlyRecord().info()).isEqualTo("A connect started by user 7 was completed by user 8");
    }

    @Test
    void aConnectCompletedByTheUserWhoStartedItPasses() {
        assertThat(verify(ROUTE, params("state", STATE, "code", "c"), cookieOf(transaction(STATE, AuthProcess.CONNECT, "7")), "7"))
                .isSameAs(PASSED);
    }

    // ---- RFC 9207: the authorization response names its issuer

    private static final String ISSUER = "https://sso.example.com/realms/main";

    private LoginOutcome verifyFromIssuer(boolean alwaysSent, String... namesAndValues) {
        LoginTransaction tx = new LoginTransaction(STATE, "nonce-1", "verifier-1", ROUTE, "app-1", AuthProcess.LOGIN, "/parts/",
                null, clock.instant(), new IssuerIdentification(ISSUER, alwaysSent));
        return verify(ROUTE, params(namesAndValues), cookieOf(tx), null);
    }

    @Test
    void aCallbackNamingTheIssuerTheLoginWentToPasses() {
        assertThat(verifyFromIssuer(true, "state", STATE, "code", "c", "iss", ISSUER)).isSameAs(PASSED);
    }

    @Test
    void aCallbackNamingAnotherIssuerIsAnIssuerMismatchThatGoesToTheTransactionsNext() {
        LoginOutcome outcome = verifyFromIssuer(false, "state", STATE, "code", "c", "iss", "https://attacker.example");

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.RESPONSE_ISSUER_MISMATCH);
        assertThat(outcome.next()).isEqualTo("/parts/");
        assertThat(onlyRecord().info()).contains("https://attacker.example", ISSUER);
    }

    @Test
    void theIssuerIsComparedExactlyATrailingSlashIsAnotherIssuer() {
        assertThat(codeOf(verifyFromIssuer(false, "state", STATE, "code", "c", "iss", ISSUER + "/")))
                .isEqualTo(FailureCode.RESPONSE_ISSUER_MISMATCH);
    }

    @Test
    void aMissingIssuerIsRefusedWhenTheIdpPromisesToSendIt() {
        assertThat(codeOf(verifyFromIssuer(true, "state", STATE, "code", "c"))).isEqualTo(FailureCode.RESPONSE_ISSUER_MISSING);
    }

    @Test
    void aMissingIssuerPassesWhenTheIdpDoesNotAdvertiseIt() {
        assertThat(verifyFromIssuer(false, "state", STATE, "code", "c")).isSameAs(PASSED);
    }

    @Test
    void anErrorResponseFromAnotherIssuerIsAnIssuerMismatchNotACancellation() {
        assertThat(codeOf(verifyFromIssuer(false, "state", STATE, "error", "access_denied", "iss", "https://attacker.example")))
                .isEqualTo(FailureCode.RESPONSE_ISSUER_MISMATCH);
    }

    @Test
    void aRepeatedIssuerIsRefusedAsAnInvalidResponse() {
        LoginTransaction tx = new LoginTransaction(STATE, "nonce-1", "verifier-1", ROUTE, "app-1", AuthProcess.LOGIN, "/parts/",
                null, clock.instant(), new IssuerIdentification(ISSUER, true));
        Map<String, List<String>> params = new HashMap<>(params("state", STATE, "code", "c"));
        params.put("iss", List.of(ISSUER, "https://attacker.example"));

        assertThat(codeOf(verify(ROUTE, params, cookieOf(tx), null))).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void aRefusedIssuerDoesNotSpendTheState() {
        verifyFromIssuer(false, "state", STATE, "code", "c", "iss", "https://attacker.example");

        assertThat(verifyFromIssuer(false, "state", STATE, "code", "c", "iss", ISSUER)).isSameAs(PASSED);
    }

    @Test
    void aTransactionWithoutIssuerIgnoresAnIssParameter() {
        assertThat(verifyLogin(params("state", STATE, "code", "c", "iss", "https://anything.example"))).isSameAs(PASSED);
    }
}
