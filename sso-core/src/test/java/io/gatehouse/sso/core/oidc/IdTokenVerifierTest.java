package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testkit.AdjustableClock;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each failure code of ID token verification, pinned to the check that produces it: a claim check names its
 * claim in a typed {@link RejectedToken}, the other steps have their own exception types. Tokens are signed
 * by a {@link FakeIdp}; time is an adjustable clock, so no test waits.
 */
class IdTokenVerifierTest {
    static final String NONCE = "nonce-of-this-login-0123456789";

    final FakeIdp idp = new FakeIdp();
    final AdjustableClock clock = AdjustableClock.followingSystemTime();
    final IdpClients clients = IdpClients.create(Duration.ofMillis(1500), clock);
    OIDCProviderMetadata metadata;

    @BeforeEach
    void discover() throws ProviderException {
        metadata = clients.discovery().discover(OidcDiscovery.discoveryUrl(idp.issuer()), idp.issuer());
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    JWTClaimsSet.Builder claims() {
        return idp.claims(NONCE, clock.instant());
    }

    JWTClaimsSet verify(String token) throws Exception {
        return clients.idTokens().verify(metadata, FakeIdp.CLIENT_ID, JWTParser.parse(token), NONCE,
                IssuerRule.exactly(idp.issuer()));
    }

    ProviderException refused(String token) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> verify(token));
        assertThat(e).as("expected the token to be refused").isNotNull();
        return e;
    }

    /** A claim check refused the token: the code, and the claim it read. */
    void refusedAtClaim(UnaryOperator<JWTClaimsSet.Builder> change, FailureCode code, String claim) {
        ProviderException e = refused(idp.sign(change.apply(claims()).build()));
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getCause()).isInstanceOfSatisfying(RejectedToken.class, r -> assertThat(r.claim()).isEqualTo(claim));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aValidTokenGivesItsClaims() throws Exception {
        assertThat(verify(idp.sign(claims().build())).getSubject()).isEqualTo("subject-1");
    }

    // ---- time (OIDC Core 3.1.3.7 steps 9 and 10)

    @Test
    void anExpiredTokenIsIdTokenExpired() {
        clock.advance(Duration.ofMinutes(10));
        Instant issued = clock.instant().minus(Duration.ofMinutes(10));
        refusedAtClaim(c -> c.issueTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(300))),
                FailureCode.ID_TOKEN_EXPIRED, "exp");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAccepted() throws Exception {
        Instant now = clock.instant();
        String token = idp.sign(claims().issueTime(Date.from(now.minusSeconds(300))).expirationTime(Date.from(now.minusSeconds(30))).build());

        assertThat(verify(token).getSubject()).isEqualTo("subject-1");
    }

    @Test
    void aTokenIssuedInTheFutureIsIdTokenExpired() {
        Instant future = clock.instant().plus(Duration.ofMinutes(5));
        refusedAtClaim(c -> c.issueTime(Date.from(future)).expirationTime(Date.from(future.plusSeconds(300))),
                FailureCode.ID_TOKEN_EXPIRED, "iat");
    }

    @Test
    void aTokenNotValidBeforeALaterTimeIsIdTokenExpired() {
        refusedAtClaim(c -> c.notBeforeTime(Date.from(clock.instant().plus(Duration.ofMinutes(2)))),
                FailureCode.ID_TOKEN_EXPIRED, "nbf");
    }

    @Test
    void aTokenWithoutExpiryIsIdTokenInvalid() {
        refusedAtClaim(c -> c.expirationTime(null), FailureCode.ID_TOKEN_INVALID, "exp");
    }

    @Test
    void aTokenWithoutIssueTimeIsIdTokenInvalid() {
        refusedAtClaim(c -> c.issueTime(null), FailureCode.ID_TOKEN_INVALID, "iat");
    }

    // ---- issuer, audience, authorized party, nonce, subject

    @Test
    void anotherIssuerIsIssuerMismatch() {
        refusedAtClaim(c -> c.issuer("https://evil.example"), FailureCode.ISSUER_MISMATCH, "iss");
    }

    @Test
    void theCodeFollowsTheCheckNotTheWordsOfTheMessage() {
        // the old mapping searched the message for "expired", "key", "nonce"...: this issuer would have fooled it
        refusedAtClaim(c -> c.issuer("https://expired-key-nonce.example"), FailureCode.ISSUER_MISMATCH, "iss");
    }

    @Test
    void anotherAudienceIsAudienceMismatch() {
        refusedAtClaim(c -> c.audience("someone-else"), FailureCode.AUDIENCE_MISMATCH, "aud");
    }

    @Test
    void theAuthorizedPartyOfAnotherClientIsAudienceMismatch() {
        refusedAtClaim(c -> c.claim("azp", "other-client"), FailureCode.AUDIENCE_MISMATCH, "azp");
    }

    @Test
    void severalAudiencesWithoutAnAuthorizedPartyAreAudienceMismatch() {
        refusedAtClaim(c -> c.audience(List.of(FakeIdp.CLIENT_ID, "other-client")), FailureCode.AUDIENCE_MISMATCH, "azp");
    }

    @Test
    void anotherLoginsNonceIsNonceMismatch() {
        refusedAtClaim(c -> c.claim("nonce", "nonce-of-another-login"), FailureCode.NONCE_MISMATCH, "nonce");
    }

    @Test
    void aBlankSubjectIsIdTokenInvalid() {
        refusedAtClaim(c -> c.subject(" "), FailureCode.ID_TOKEN_INVALID, "sub");
    }

    @Test
    void aTokenOfAnotherTypeIsIdTokenInvalid() throws JOSEException {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.signingKey().getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims().build(), idp.signingKey());

        ProviderException e = refused(token);

        assertThat(e.code()).isEqualTo(FailureCode.ID_TOKEN_INVALID);
        assertThat(e.getCause()).isInstanceOfSatisfying(RejectedToken.class, r -> assertThat(r.claim()).isEqualTo("typ"));
    }

    // ---- signature and keys (steps 6 to 8)

    @Test
    void aTamperedPayloadIsASignatureFailure() {
        String[] genuine = idp.sign(claims().build()).split("\\.");
        String forged = idp.sign(claims().subject("admin").build()).split("\\.")[1];

        assertThat(refused(genuine[0] + "." + forged + "." + genuine[2]).code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anAlgorithmTheIdpDoesNotAdvertiseIsNotAllowed() throws JOSEException {
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(idp.signingKey().getKeyID()).build(),
                claims().build(), idp.signingKey());

        ProviderException e = refused(token);

        assertThat(e.code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        assertThat(e.getMessage()).contains("PS256, which is not allowed");
    }

    @Test
    void anUnsignedTokenIsASignatureFailure() {
        ProviderException e = refused(idp.unsigned(claims().build()));

        assertThat(e.code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        assertThat(e.getMessage()).contains("not signed");
    }

    @Test
    void aKeyTheIdpDoesNotPublishIsASignatureFailureAfterOneRefresh() {
        ProviderException e = refused(idp.sign(claims().build(), idp.strangerKey(), true));

        assertThat(e.code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        assertThat(e.getCause()).isInstanceOf(UnknownSigningKeyException.class);
        assertThat(idp.jwksFetches()).isEqualTo(2);
    }

    @Test
    void anotherUnknownKeyWithinTheRateLimitIsRefusedWithoutAskingTheIdp() {
        refused(idp.sign(claims().build(), idp.strangerKey(), true));
        int fetches = idp.jwksFetches();

        ProviderException e = refused(idp.sign(claims().build(), idp.strangerKey(), true));

        assertThat(e.code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
        assertThat(e.getMessage()).contains("rate limited");
        assertThat(idp.jwksFetches()).isEqualTo(fetches);
    }

    @Test
    void loginsRightAfterARotationWaitForOneRefreshAndAllSucceed() throws Exception {
        verify(idp.sign(claims().build()));
        RSAKey rotated = idp.rotate();
        idp.answerJwks(r -> idp.publishedKeys().newBuilder().headersDelay(300, TimeUnit.MILLISECONDS).build());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<JWTClaimsSet>> logins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = idp.sign(claims().build(), rotated, true);
                logins.add(threads.submit(() -> verify(token)));
            }
            for (Future<JWTClaimsSet> login : logins) {
                assertThat(login.get(10, TimeUnit.SECONDS).getSubject()).isEqualTo("subject-1");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(idp.jwksFetches()).as("the first download, then one for the rotation").isEqualTo(2);
    }

    @Test
    void anUnreachableKeySetIsIdpUnreachable() {
        idp.answerJwks(r -> new MockResponse.Builder().code(503).body("down").build());

        ProviderException e = refused(idp.sign(claims().build()));

        assertThat(e.code()).isEqualTo(FailureCode.IDP_UNREACHABLE);
        assertThat(e.getMessage()).contains("key set (jwks_uri) could not be fetched", "HTTP 503");
    }

    @Test
    void aKeySetOverTheSizeLimitIsIdpResponseInvalid() {
        idp.answerJwks(r -> FakeIdp.json(200, "{\"keys\":[],\"padding\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}"));

        ProviderException e = refused(idp.sign(claims().build()));

        assertThat(e.code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
        assertThat(e.getMessage()).contains("not usable", "larger than");
    }

    @Test
    void aKeySetThatIsNoJwksIsIdpResponseInvalid() {
        idp.answerJwks(r -> FakeIdp.json(200, "<html>maintenance</html>"));

        assertThat(refused(idp.sign(claims().build())).code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
    }
}
