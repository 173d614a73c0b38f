package io.gatehouse.sso.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.provider.oidc.OpenIdConnectBackend;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.testidp.FakeIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser is the attacker's: forged and replayed callbacks (django-allauth's login and connect CSRF
 * advisories), and transaction cookies that are tampered, truncated, expired, sealed under another key
 * or for another purpose, moved between states or between providers. Every case is refused before the
 * IdP's token endpoint is contacted (the code is never redeemed), and nothing is stored.
 */
class CallbackForgeryTest {
    final SecurityBench bench = new SecurityBench();

    @AfterEach
    void close() {
        bench.close();
    }

    LoginOutcome callback(Map<String, List<String>> params, Map<String, String> cookies, String signedInUserId) {
        return bench.engine.completeLogin(SecurityBench.ROUTE, new CallbackRequest(params, cookies, EngineFixture.BASE, signedInUserId));
    }

    static Map<String, List<String>> params(SecurityBench.Pending p) {
        return Map.of("state", List.of(p.state()), "code", List.of(p.code()));
    }

    void assertRefusedUnredeemed(LoginOutcome outcome, FailureCode code, SecurityBench.Pending... pending) {
        var record = bench.assertRefused(outcome, code);
        for (SecurityBench.Pending p : pending) {
            assertThat(record.info() + record.data()).doesNotContain(p.cookieValue());
        }
        assertThat(bench.idp.tokenRequests()).as("codes sent to the token endpoint").isEmpty();
    }

    User localUser(String username) {
        User user = bench.fx.store.register(new Registration(new UserDraft(username, username + "@example.com", "", "", true),
                new IdentitySignIn("github", username + "-gh", Map.of(), null, Instant.now()), Set.of())).user();
        bench.baseline();
        return user;
    }

    // ---- forged callbacks (CSRF)

    @Test
    void aForgedCallbackWithoutATransactionCookieIsRefused() {
        SecurityBench.Pending p = bench.begin();
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));

        assertRefusedUnredeemed(callback(params(p), Map.of(), null), FailureCode.TRANSACTION_MISSING, p);
    }

    @Test
    void anAttackersCallbackReplayedInTheVictimsBrowserIsRefused() {
        // login CSRF: the attacker stops their own login at the IdP's redirect and makes the victim's browser follow it
        SecurityBench.Pending attacker = bench.begin();
        bench.answer(attacker, bench.idp.sign(bench.claims(attacker).subject("attacker").build()));
        SecurityBench.Pending victim = bench.begin();

        assertRefusedUnredeemed(callback(params(attacker), victim.cookies(), null), FailureCode.TRANSACTION_MISSING,
                attacker, victim);
    }

    @Test
    void aVictimsCookieRenamedForTheAttackersStateIsRefused() {
        SecurityBench.Pending attacker = bench.begin();
        SecurityBench.Pending victim = bench.begin();

        assertRefusedUnredeemed(callback(params(attacker), Map.of(attacker.cookieName(), victim.cookieValue()), null),
                FailureCode.STATE_MISMATCH, attacker, victim);
    }

    @Test
    void aCallbackWithoutStateIsRefused() {
        SecurityBench.Pending p = bench.begin();

        assertRefusedUnredeemed(callback(Map.of("code", List.of(p.code())), p.cookies(), null), FailureCode.STATE_MISMATCH, p);
    }

    @Test
    void anIdpErrorOnAForgedCallbackIsStillAForgery() {
        SecurityBench.Pending p = bench.begin();

        assertRefusedUnredeemed(callback(Map.of("state", List.of(p.state()), "error", List.of("access_denied")), Map.of(), null),
                FailureCode.TRANSACTION_MISSING, p);
    }

    @Test
    void aForgedConnectCallbackCannotAttachTheAttackersIdentityToTheSignedInVictim() {
        User attackerUser = localUser("mallory");
        User victim = localUser("victim");
        SecurityBench.Pending attacker = bench.begin(new LoginRequest(AuthProcess.CONNECT, "/", EngineFixture.BASE, null, attackerUser.id()));
        bench.answer(attacker, bench.idp.sign(bench.claims(attacker).subject("mallory-idp").build()));

        assertRefusedUnredeemed(callback(params(attacker), Map.of(), victim.id()), FailureCode.TRANSACTION_MISSING, attacker);
    }

    @Test
    void aConnectTransactionPlantedInTheVictimsBrowserIsRefused() {
        // defence in depth: even with the attacker's cookie planted (e.g. from a sibling sub-domain), the
        // transaction names the user who started it
        User attackerUser = localUser("mallory");
        User victim = localUser("victim");
        SecurityBench.Pending attacker = bench.begin(new LoginRequest(AuthProcess.CONNECT, "/", EngineFixture.BASE, null, attackerUser.id()));
        bench.answer(attacker, bench.idp.sign(bench.claims(attacker).subject("mallory-idp").build()));

        assertRefusedUnredeemed(callback(params(attacker), attacker.cookies(), victim.id()), FailureCode.CONNECT_USER_MISMATCH, attacker);
    }

    @Test
    void aConnectCallbackWithoutASignedInUserIsRefused() {
        User user = localUser("ada");
        SecurityBench.Pending p = bench.begin(new LoginRequest(AuthProcess.CONNECT, "/", EngineFixture.BASE, null, user.id()));
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));

        assertRefusedUnredeemed(callback(params(p), p.cookies(), null), FailureCode.NOT_SIGNED_IN, p);
    }

    // ---- replay

    @Test
    void aCallbackReplayedAfterASuccessfulLoginIsRefusedWithoutRedeemingTheCodeAgain() {
        SecurityBench.Pending p = bench.begin();
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));
        assertThat(bench.complete(p)).isInstanceOf(LoginOutcome.SignedIn.class);
        bench.baseline();

        bench.assertRefused(bench.complete(p), FailureCode.CALLBACK_REPLAYED);
        assertThat(bench.idp.tokenRequests()).hasSize(1);
    }

    @Test
    void theSameCallbackPresentedConcurrentlySucceedsExactlyOnce() throws Exception {
        SecurityBench.Pending p = bench.begin();
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<LoginOutcome>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> bench.complete(p));
            }
            List<LoginOutcome> outcomes = new ArrayList<>();
            for (Future<LoginOutcome> f : pool.invokeAll(tasks, 30, TimeUnit.SECONDS)) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(o -> o instanceof LoginOutcome.SignedIn).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof LoginOutcome.Failed f
                    && f.failure().code() == FailureCode.CALLBACK_REPLAYED).hasSize(7);
            assertThat(bench.idp.tokenRequests()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the transaction cookie

    static String flipCharAt(String s, int index) {
        char c = s.charAt(index);
        return s.substring(0, index) + (c == 'A' ? 'B' : 'A') + s.substring(index + 1);
    }

    @ParameterizedTest(name = "JWE part {0}")
    @ValueSource(ints = {0, 2, 3, 4})
    void aCookieTamperedInAnyPartIsRefused(int part) {
        SecurityBench.Pending p = bench.begin();
        String[] parts = p.cookieValue().split("\\.", -1);
        parts[part] = flipCharAt(parts[part], parts[part].length() / 2);

        assertRefusedUnredeemed(callback(params(p), Map.of(p.cookieName(), String.join(".", parts)), null),
                FailureCode.TRANSACTION_INVALID, p);
    }

    @ParameterizedTest(name = "keep {0} of the characters")
    @ValueSource(doubles = {0.0, 0.25, 0.5, 0.9, 0.999})
    void aTruncatedCookieIsRefused(double kept) {
        SecurityBench.Pending p = bench.begin();
        String value = p.cookieValue();
        String truncated = value.substring(0, (int) Math.max(kept == 0 ? 0 : 1, value.length() * kept));
        if (truncated.equals(value)) {
            truncated = value.substring(0, value.length() - 1);
        }

        assertRefusedUnredeemed(callback(params(p), Map.of(p.cookieName(), truncated), null), FailureCode.TRANSACTION_INVALID, p);
    }

    @Test
    void aCookieWhoseHeaderLacksTheEncryptionMethodIsRefused() {
        // found by CallbackFuzzTest: Nimbus throws a NullPointerException parsing such a header
        SecurityBench.Pending p = bench.begin();
        String[] parts = p.cookieValue().split("\\.", -1);
        parts[0] = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"dir\"}".getBytes(
                StandardCharsets.UTF_8));

        assertRefusedUnredeemed(callback(params(p), Map.of(p.cookieName(), String.join(".", parts)), null),
                FailureCode.TRANSACTION_INVALID, p);
    }

    @Test
    void anExpiredCookieIsRefused() {
        SecurityBench.Pending p = bench.begin();
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));
        bench.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertRefusedUnredeemed(bench.complete(p), FailureCode.TRANSACTION_EXPIRED, p);
    }

    @Test
    void aCookieSealedUnderAnotherTransactionKeyIsRefused() {
        EngineFixture other = new EngineFixture();
        other.addApp(SecurityBench.ROUTE, "Hostile IdP", FakeIdp.CLIENT_ID, Secrets.CLIENT_SECRET,
                Map.of("server_url", bench.idp.issuer(), "fetch_userinfo", false));
        LoginEngine otherEngine = other.engine(Map.of("transaction_key", "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI="),
                new OpenIdConnectBackend());
        SecurityBench.Pending foreign = SecurityBench.begin(otherEngine, SecurityBench.ROUTE,
                new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));

        assertRefusedUnredeemed(callback(params(foreign), foreign.cookies(), null), FailureCode.TRANSACTION_INVALID, foreign);
    }

    @Test
    void anUnencryptedCookieWithAlgNoneIsRefused() {
        String state = "attacker-chosen-state";
        String plain = new PlainJWT(new JWTClaimsSet.Builder().claim("st", state).claim("nn", "n").claim("pv", SecurityBench.ROUTE)
                .claim("ap", "1").claim("pr", "LOGIN").claim("pur", "login-transaction").issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).build()).serialize();

        assertRefusedUnredeemed(callback(Map.of("state", List.of(state), "code", List.of(Secrets.code())),
                Map.of(TransactionCookie.nameFor(state), plain), null), FailureCode.TRANSACTION_INVALID);
    }

    @Test
    void aPendingSignupTokenIsNotATransactionCookie() {
        bench.fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
        LoginOutcome pending = bench.validLogin("subject-1", "ada@example.com");
        assertThat(pending).isInstanceOf(LoginOutcome.PendingSignup.class);
        String sealedSignup = ((LoginOutcome.PendingSignup) pending).signupToken();
        SecurityBench.Pending p = bench.begin();
        int redeemedBefore = bench.idp.tokenRequests().size();

        bench.assertRefused(callback(params(p), Map.of(p.cookieName(), sealedSignup), null), FailureCode.TRANSACTION_INVALID);
        assertThat(bench.idp.tokenRequests()).hasSize(redeemedBefore);
    }

    @Test
    void aConfirmationLinkTokenIsNotATransactionCookie() {
        LoginOutcome awaiting = bench.loginWith(p -> bench.idp.sign(bench.claims(p).claim("email_verified", false).build()));
        assertThat(awaiting).isInstanceOf(LoginOutcome.AwaitingVerification.class);
        String link = bench.fx.mailer.sent().get(0).text().lines().filter(l -> l.contains("/confirm-email/")).findFirst().orElseThrow();
        String token = link.substring(link.indexOf("/confirm-email/") + "/confirm-email/".length(), link.length() - 1);
        bench.baseline();
        SecurityBench.Pending p = bench.begin();
        int redeemedBefore = bench.idp.tokenRequests().size();

        bench.assertRefused(callback(params(p), Map.of(p.cookieName(), token), null), FailureCode.TRANSACTION_INVALID);
        assertThat(bench.idp.tokenRequests()).hasSize(redeemedBefore);
    }

    @Test
    void aCookieSealedForOneProviderIsRefusedAtAnotherProvidersCallback() {
        SocialApp.Builder corp = SocialApp.builder("openid_connect").clientId(FakeIdp.CLIENT_ID).secret(Secrets.CLIENT_SECRET)
                .settings(Map.of("server_url", bench.idp.issuer(), "fetch_userinfo", false)).sites("localhost");
        SocialApp corpA = bench.fx.apps.save(corp.providerId("corp-a").name("Corp A").build());
        bench.fx.apps.save(corp.providerId("corp-b").name("Corp B").build());
        assertThat(corpA.routeId()).isEqualTo("corp-a");
        SecurityBench.Pending startedAtA = SecurityBench.begin(bench.engine, "corp-a",
                new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
        bench.answer(startedAtA, bench.idp.sign(bench.claims(startedAtA).build()));

        LoginOutcome atB = bench.engine.completeLogin("corp-b", SecurityBench.callback(startedAtA, startedAtA.cookies(), null));

        bench.assertRefused(atB, FailureCode.PROVIDER_MISMATCH, "auth:/accounts/corp-b/login/callback/");
        assertThat(bench.idp.tokenRequests()).isEmpty();
        // the misdirected attempt does not burn the genuine login
        assertThat(bench.engine.completeLogin("corp-a", SecurityBench.callback(startedAtA, startedAtA.cookies(), null)))
                .isInstanceOf(LoginOutcome.SignedIn.class);
    }
}
