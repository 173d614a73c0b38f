package io.gatehouse.sso.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.sso.core.BackChannelOutcome;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.spi.ErrorRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile back-channel logout tokens (OpenID Connect Back-Channel Logout 1.0 section 2.6) against the whole engine,
 * next to the ID-token cases: forged, tampered, unsigned, HS256 keyed with the public key, expired, from the future,
 * replayed, of another issuer or audience, carrying a nonce, an ID token passed off as a logout token, without the
 * event, sub/sid or jti, of another type, for a user nobody signed in as, and malformed requests. Each is a typed
 * refusal with one error-log record without secrets, and ends no session.
 */
class LogoutTokenTest {
    static final String PATH = "auth:/accounts/openid_connect/backchannel-logout/";

    final SecurityBench bench = new SecurityBench();
    LoginOutcome.SignedIn ada;

    @BeforeEach
    void adaSignedIn() {
        LoginOutcome outcome = bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject("ada").claim("sid", "sid-ada").build()));
        ada = (LoginOutcome.SignedIn) outcome;
        bench.baseline();
    }

    @AfterEach
    void close() {
        bench.close();
    }

    JWTClaimsSet.Builder claims() {
        return bench.idp.logoutClaims("ada", "sid-ada", bench.clock.instant());
    }

    String token(UnaryOperator<JWTClaimsSet.Builder> adjust) {
        return bench.idp.signLogoutToken(adjust.apply(claims()).build());
    }

    BackChannelOutcome receive(Map<String, List<String>> params) {
        return bench.engine.sessions().backChannelLogout(SecurityBench.ROUTE, params, EngineFixture.BASE);
    }

    BackChannelOutcome receive(String logoutToken) {
        return receive(Map.of("logout_token", List.of(logoutToken)));
    }

    /** A typed refusal, the refusal contract of the suite, and ada's session still live. */
    ErrorRecord assertRefused(BackChannelOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOfSatisfying(BackChannelOutcome.Refused.class, r -> {
            assertThat(r.failure().code()).as("failure code (error log: %s)", bench.fx.errors()).isEqualTo(code);
            assertThat(r.failure().errorLogId()).isNotNull();
        });
        ErrorRecord record = bench.assertOnlyRecorded(code, PATH);
        assertThat(bench.engine.sessions().isLive(ada.sessionId())).as("no session ended").isTrue();
        return record;
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aValidTokenEndsTheSession() {
        assertThat(receive(token(c -> c))).isEqualTo(new BackChannelOutcome.Accepted(1));
        assertThat(bench.engine.sessions().isLive(ada.sessionId())).isFalse();
    }

    // ---- steps 1 to 3: signed by the IdP, with an algorithm it advertises

    @Test
    void aTokenSignedWithAKeyTheIdpDoesNotPublishIsRefused() {
        RSAKey forger = bench.idp.strangerKey();
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).type(new JOSEObjectType("logout+jwt"))
                .build(), claims().build(), forger);

        assertRefused(receive(forged), FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() {
        String[] parts = token(c -> c.subject("bob")).split("\\.");
        String adasPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims().build().toString().getBytes());

        assertRefused(receive(parts[0] + "." + adasPayload + "." + parts[2]), FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        assertRefused(receive(bench.idp.unsigned(claims().build())), FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRefused() {
        assertRefused(receive(bench.idp.signHs256WithPublicKey(claims().build())), FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTokenSignedWithAnAlgorithmTheIdpDoesNotAdvertiseIsRefused() {
        String ps256 = sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(bench.idp.signingKey().getKeyID()).build(),
                claims().build(), bench.idp.signingKey());

        assertRefused(receive(ps256), FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTokenTypedAsAnotherKindOfJwtIsRefused() {
        String accessToken = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(bench.idp.signingKey().getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims().build(), bench.idp.signingKey());

        assertRefused(receive(accessToken), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    // ---- step 4: iss, aud, iat, exp

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        assertRefused(receive(token(c -> c.issuer("https://attacker.example"))), FailureCode.LOGOUT_TOKEN_ISSUER_MISMATCH);
    }

    @Test
    void aTokenForAnotherApplicationIsRefused() {
        assertRefused(receive(token(c -> c.audience("another-client"))), FailureCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Date past = Date.from(bench.clock.instant().minus(Duration.ofMinutes(10)));
        assertRefused(receive(token(c -> c.issueTime(past).expirationTime(new Date(past.getTime() + 120_000)))),
                FailureCode.LOGOUT_TOKEN_EXPIRED);
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Date future = Date.from(bench.clock.instant().plus(Duration.ofMinutes(10)));
        assertRefused(receive(token(c -> c.issueTime(future).expirationTime(new Date(future.getTime() + 120_000)))),
                FailureCode.LOGOUT_TOKEN_EXPIRED);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        assertRefused(receive(token(c -> c.expirationTime(null))), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    // ---- steps 5 to 8: sub or sid, the event, no nonce, a jti used once

    @Test
    void aTokenNamingNeitherSubjectNorSessionIsRefused() {
        assertRefused(receive(token(c -> c.subject(null).claim("sid", null))), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void aTokenWithoutTheBackChannelLogoutEventIsRefused() {
        assertRefused(receive(token(c -> c.claim("events", Map.of("http://schemas.openid.net/event/other", Map.of())))),
                FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void aTokenCarryingANonceIsRefused() {
        assertRefused(receive(token(c -> c.claim("nonce", "n-1"))), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void anIdTokenPassedOffAsALogoutTokenIsRefused() {
        String idToken = bench.idp.sign(bench.idp.claims("some-nonce", bench.clock.instant()).subject("ada").claim("sid", "sid-ada").build());

        assertRefused(receive(idToken), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void aTokenWithoutJtiIsRefused() {
        assertRefused(receive(token(c -> c.jwtID(null))), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void aReplayedTokenIsRefusedTheSecondTime() {
        String once = token(c -> c);
        LoginOutcome.SignedIn again = (LoginOutcome.SignedIn) bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject("ada")
                .claim("sid", "sid-ada").build()));
        assertThat(receive(once)).isEqualTo(new BackChannelOutcome.Accepted(2));
        LoginOutcome.SignedIn later = (LoginOutcome.SignedIn) bench.loginWith(p -> bench.idp.sign(bench.claims(p).subject("ada")
                .claim("sid", "sid-ada").build()));
        bench.baseline();

        assertThat(receive(once)).isInstanceOfSatisfying(BackChannelOutcome.Refused.class,
                r -> assertThat(r.failure().code()).isEqualTo(FailureCode.LOGOUT_TOKEN_REPLAYED));
        bench.assertOnlyRecorded(FailureCode.LOGOUT_TOKEN_REPLAYED, PATH);
        assertThat(bench.engine.sessions().isLive(later.sessionId())).as("the replay ended nothing").isTrue();
        assertThat(bench.engine.sessions().isLive(again.sessionId())).isFalse();
    }

    // ---- who it names, and the request itself

    @Test
    void aTokenForAUserNobodySignedInAsIsRefused() {
        assertRefused(receive(token(c -> c.subject("nobody").claim("sid", "sid-nobody"))), FailureCode.LOGOUT_SESSION_UNKNOWN);
    }

    @Test
    void aTokenNamingAdasSidWithAnotherSubjectIsRefused() {
        assertRefused(receive(token(c -> c.subject("bob"))), FailureCode.LOGOUT_SESSION_UNKNOWN);
    }

    @Test
    void aRequestWithoutLogoutTokenIsRefused() {
        assertRefused(receive(Map.of()), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void aRequestWithTwoLogoutTokensIsRefused() {
        assertRefused(receive(Map.of("logout_token", List.of(token(c -> c), token(c -> c)))), FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void aLogoutTokenThatIsNoJwtIsRefused() {
        assertRefused(receive("not.a-jwt\r\n{\"injected\":true}"), FailureCode.LOGOUT_TOKEN_INVALID);
    }
}
