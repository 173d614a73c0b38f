package io.gatehouse.sso.security;

import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.spi.SocialApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mix-up attack (RFC 9700 §4.4) with two IdPs configured side by side, and RFC 9207's {@code iss} parameter that
 * defeats it: the honest IdP advertises {@code authorization_response_iss_parameter_supported}; the attacker's IdP is a
 * second OpenID Connect app ({@code provider_id} "attacker"). Each refusal is typed, recorded once without secrets, and
 * redeems no code at either IdP.
 */
class IssuerMixUpTest {
    static final String ATTACKER_ROUTE = "attacker";

    final SecurityBench bench = new SecurityBench();
    final FakeIdp attacker = new FakeIdp();

    IssuerMixUpTest() {
        bench.idp.advertise("\"authorization_response_iss_parameter_supported\":true");
        bench.fx.apps.save(SocialApp.builder("openid_connect").providerId(ATTACKER_ROUTE).name("Partner IdP")
                .clientId(FakeIdp.CLIENT_ID).secret(Secrets.CLIENT_SECRET)
                .settings(Map.of("server_url", attacker.issuer(), "fetch_userinfo", false)).sites("localhost").build());
        bench.baseline();
    }

    @AfterEach
    void close() {
        attacker.close();
        bench.close();
    }

    /** The browser's redirect back to a route's callback, with the pending login's cookie and state, and these extras. */
    LoginOutcome callback(String route, SecurityBench.Pending p, String... extra) {
        Map<String, List<String>> params = new HashMap<>(Map.of("state", List.of(p.state()), "code", List.of(p.code())));
        for (int i = 0; i < extra.length; i += 2) {
            params.computeIfAbsent(extra[i], k -> new ArrayList<>()).add(extra[i + 1]);
        }
        return bench.engine.completeLogin(route, new CallbackRequest(params, p.cookies(), EngineFixture.BASE, null));
    }

    SecurityBench.Pending beginAt(String route) {
        return SecurityBench.begin(bench.engine, route, new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
    }

    void assertNoCodeRedeemed() {
        assertThat(bench.idp.tokenRequests()).as("the honest IdP redeemed nothing").isEmpty();
        assertThat(attacker.tokenRequests()).as("the attacker's IdP redeemed nothing").isEmpty();
    }

    @Test
    void theAttackerIdpsAnswerCarriedToTheHonestIdpsCallbackIsRefusedByItsIssuer() {
        SecurityBench.Pending honest = beginAt(SecurityBench.ROUTE);

        LoginOutcome outcome = callback(SecurityBench.ROUTE, honest, "iss", attacker.issuer());

        bench.assertRefused(outcome, FailureCode.RESPONSE_ISSUER_MISMATCH);
        assertNoCodeRedeemed();
    }

    @Test
    void aLoginBegunAtTheAttackerIdpCannotBeFinishedAtTheHonestIdpsCallback() {
        SecurityBench.Pending atAttacker = beginAt(ATTACKER_ROUTE);

        LoginOutcome outcome = callback(SecurityBench.ROUTE, atAttacker, "iss", bench.idp.issuer());

        bench.assertRefused(outcome, FailureCode.PROVIDER_MISMATCH);
        assertNoCodeRedeemed();
    }

    @Test
    void aWrongIssuerIsRefused() {
        bench.assertRefused(callback(SecurityBench.ROUTE, beginAt(SecurityBench.ROUTE), "iss", bench.idp.issuer() + "/other"),
                FailureCode.RESPONSE_ISSUER_MISMATCH);
    }

    @Test
    void aMissingIssuerIsRefusedWhenTheIdpAdvertisesIt() {
        bench.assertRefused(callback(SecurityBench.ROUTE, beginAt(SecurityBench.ROUTE)), FailureCode.RESPONSE_ISSUER_MISSING);
        assertNoCodeRedeemed();
    }

    @Test
    void aRepeatedIssuerIsRefused() {
        bench.assertRefused(callback(SecurityBench.ROUTE, beginAt(SecurityBench.ROUTE), "iss", bench.idp.issuer(), "iss",
                attacker.issuer()), FailureCode.IDP_RESPONSE_INVALID);
    }

    @Test
    void theRightIssuerSignsIn() {
        SecurityBench.Pending p = beginAt(SecurityBench.ROUTE);
        bench.answer(p, bench.idp.sign(bench.claims(p).build()));

        assertThat(callback(SecurityBench.ROUTE, p, "iss", bench.idp.issuer())).isInstanceOf(LoginOutcome.SignedIn.class);
    }

    @Test
    void anIdpThatDoesNotAdvertiseTheParameterMayOmitItButNotSendAWrongOne() {
        SecurityBench.Pending withoutIss = beginAt(ATTACKER_ROUTE);
        attacker.answerWithIdToken(attacker.sign(attacker.claims(withoutIss.nonce()).build()));
        assertThat(callback(ATTACKER_ROUTE, withoutIss)).isInstanceOf(LoginOutcome.SignedIn.class);
        bench.baseline();

        LoginOutcome wrong = callback(ATTACKER_ROUTE, beginAt(ATTACKER_ROUTE), "iss", bench.idp.issuer());

        bench.assertRefused(wrong, FailureCode.RESPONSE_ISSUER_MISMATCH, "auth:/accounts/attacker/login/callback/");
    }
}
