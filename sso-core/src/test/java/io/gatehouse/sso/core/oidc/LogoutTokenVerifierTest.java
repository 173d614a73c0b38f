package io.gatehouse.sso.core.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.IdpClients;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.VerifiedLogout;
import io.gatehouse.sso.testidp.FakeIdp;
import io.gatehouse.sso.testkit.AdjustableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each failure code of back-channel logout token verification (Back-Channel Logout 1.0 section 2.6), pinned to the
 * step that produces it. Tokens are signed by a {@link FakeIdp}; time is an adjustable clock, so no test waits.
 */
class LogoutTokenVerifierTest {
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
        return idp.logoutClaims("subject-1", "session-1", clock.instant());
    }

    VerifiedLogout verify(String token) throws ProviderException {
        return clients.logoutTokens().verify(metadata, FakeIdp.CLIENT_ID, token, IssuerRule.exactly(idp.issuer()));
    }

    ProviderException refused(String token) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> verify(token));
        assertThat(e).as("expected the logout token to be refused").isNotNull();
        return e;
    }

    /** A claim check refused the token: the code, and the claim it read. */
    void refusedAtClaim(UnaryOperator<JWTClaimsSet.Builder> change, FailureCode code, String claim) {
        ProviderException e = refused(idp.signLogoutToken(change.apply(claims()).build()));
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getCause()).isInstanceOfSatisfying(RejectedToken.class, r -> assertThat(r.claim()).isEqualTo(claim));
    }

    String signTyped(String type, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.signingKey().getKeyID())
                .type(type == null ? null : new JOSEObjectType(type)).build(), claims);
        jwt.sign(new RSASSASigner(idp.signingKey()));
        return jwt.serialize();
    }

    // ---- a valid token

    @Test
    void aValidTokenGivesItsIssuerSubjectSessionIdAndExpiry() throws Exception {
        JWTClaimsSet claims = claims().build();

        VerifiedLogout logout = verify(idp.signLogoutToken(claims));

        assertThat(logout.issuer()).isEqualTo(idp.issuer());
        assertThat(logout.subject()).isEqualTo("subject-1");
        assertThat(logout.sid()).isEqualTo("session-1");
        assertThat(logout.jti()).isEqualTo(claims.getJWTID());
        // JWT times are whole seconds
        assertThat(logout.expiresAt()).isEqualTo(claims.getExpirationTime().toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aTokenNamingOnlyASessionHasNoSubject() throws Exception {
        VerifiedLogout logout = verify(idp.signLogoutToken(idp.logoutClaims(null, "session-1", clock.instant()).build()));

        assertThat(logout.subject()).isNull();
        assertThat(logout.sid()).isEqualTo("session-1");
    }

    @Test
    void aTokenNamingOnlyASubjectHasNoSessionId() throws Exception {
        VerifiedLogout logout = verify(idp.signLogoutToken(idp.logoutClaims("subject-1", null, clock.instant()).build()));

        assertThat(logout.subject()).isEqualTo("subject-1");
        assertThat(logout.sid()).isNull();
    }

    @Test
    void anUntypedOrJwtTypedTokenOfAnIdpThatPredatesExplicitTypingIsAccepted() throws Exception {
        assertThat(verify(signTyped(null, claims().build())).subject()).isEqualTo("subject-1");
        assertThat(verify(signTyped("JWT", claims().build())).subject()).isEqualTo("subject-1");
    }

    @Test
    void anIssuerRuleThatReadsTheTokenIsGivenItsUnverifiedClaims() throws Exception {
        AtomicReference<JWTClaimsSet> seen = new AtomicReference<>();
        IssuerRule perTenant = unverified -> {
            seen.set(unverified);
            return new Issuer(unverified.getIssuer());
        };

        clients.logoutTokens().verify(metadata, FakeIdp.CLIENT_ID, idp.signLogoutToken(claims().build()), perTenant);

        assertThat(seen.get().getSubject()).isEqualTo("subject-1");
    }

    // ---- steps 1 to 3: a signed JWT, an allowed algorithm, a published key, the right type

    @Test
    void somethingThatIsNoJwtIsLogoutTokenInvalid() {
        assertThat(refused("not-a-jwt").code()).isEqualTo(FailureCode.LOGOUT_TOKEN_INVALID);
    }

    @Test
    void anUnsignedTokenIsASignatureFailure() {
        assertThat(refused(idp.unsigned(claims().build())).code()).isEqualTo(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void anAlgorithmTheIdpDoesNotAdvertiseIsASignatureFailure() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(idp.signingKey().getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), claims().build());
        jwt.sign(new RSASSASigner(idp.signingKey()));

        ProviderException e = refused(jwt.serialize());

        assertThat(e.code()).isEqualTo(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
        assertThat(e).hasMessageContaining("PS256");
    }

    @Test
    void aTokenSignedWithAKeyTheIdpDoesNotPublishIsASignatureFailure() {
        String token = idp.sign(claims().build(), idp.strangerKey(), true);

        assertThat(refused(token).code()).isEqualTo(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTamperedPayloadIsASignatureFailure() {
        String[] genuine = idp.signLogoutToken(claims().build()).split("\\.");
        String forged = idp.signLogoutToken(claims().subject("admin").build()).split("\\.")[1];

        assertThat(refused(genuine[0] + "." + forged + "." + genuine[2]).code())
                .isEqualTo(FailureCode.LOGOUT_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void aTokenOfAnotherTypeIsLogoutTokenInvalidAtItsType() throws JOSEException {
        ProviderException e = refused(signTyped("at+jwt", claims().build()));

        assertThat(e.code()).isEqualTo(FailureCode.LOGOUT_TOKEN_INVALID);
        assertThat(e.getCause()).isInstanceOfSatisfying(RejectedToken.class, r -> assertThat(r.claim()).isEqualTo("typ"));
    }

    // ---- step 4: iss, aud, iat and exp

    @Test
    void anotherIssuerIsIssuerMismatch() {
        refusedAtClaim(c -> c.issuer("https://evil.example"), FailureCode.LOGOUT_TOKEN_ISSUER_MISMATCH, "iss");
    }

    @Test
    void aTokenWithoutIssuerIsIssuerMismatch() {
        refusedAtClaim(c -> c.issuer(null), FailureCode.LOGOUT_TOKEN_ISSUER_MISMATCH, "iss");
    }

    @Test
    void anotherAudienceIsAudienceMismatch() {
        refusedAtClaim(c -> c.audience("another-client"), FailureCode.LOGOUT_TOKEN_AUDIENCE_MISMATCH, "aud");
    }

    @Test
    void aTokenWithoutIssueTimeIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.issueTime(null), FailureCode.LOGOUT_TOKEN_INVALID, "iat");
    }

    @Test
    void aTokenIssuedInTheFutureIsLogoutTokenExpired() {
        Instant later = clock.instant().plusSeconds(600);
        refusedAtClaim(c -> c.issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(120))),
                FailureCode.LOGOUT_TOKEN_EXPIRED, "iat");
    }

    @Test
    void aTokenWithoutExpiryIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.expirationTime(null), FailureCode.LOGOUT_TOKEN_INVALID, "exp");
    }

    @Test
    void anExpiredTokenIsLogoutTokenExpired() {
        Instant now = clock.instant();
        refusedAtClaim(c -> c.issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(300))),
                FailureCode.LOGOUT_TOKEN_EXPIRED, "exp");
    }

    @Test
    void aTokenExpiredWithinTheClockSkewIsAccepted() throws Exception {
        Instant now = clock.instant();
        String token = idp.signLogoutToken(claims().issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(30))).build());

        assertThat(verify(token).subject()).isEqualTo("subject-1");
    }

    @Test
    void aTokenIssuedWithinTheClockSkewInTheFutureIsAccepted() throws Exception {
        Instant now = clock.instant();
        String token = idp.signLogoutToken(claims().issueTime(Date.from(now.plusSeconds(30)))
                .expirationTime(Date.from(now.plusSeconds(150))).build());

        assertThat(verify(token).subject()).isEqualTo("subject-1");
    }

    // ---- steps 5 to 7 and the jti of section 2.4

    @Test
    void aTokenNamingNeitherSubjectNorSessionIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.subject(null).claim("sid", null), FailureCode.LOGOUT_TOKEN_INVALID, "sub");
    }

    @Test
    void aBlankSubjectWithoutSessionCountsAsNoSubject() {
        refusedAtClaim(c -> c.subject(" ").claim("sid", null), FailureCode.LOGOUT_TOKEN_INVALID, "sub");
    }

    @Test
    void aSessionIdThatIsNoStringIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.subject(null).claim("sid", 42), FailureCode.LOGOUT_TOKEN_INVALID, "sid");
    }

    @Test
    void aTokenWithoutEventsIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.claim("events", null), FailureCode.LOGOUT_TOKEN_INVALID, "events");
    }

    @Test
    void eventsWithoutTheBackChannelLogoutEventAreLogoutTokenInvalid() {
        refusedAtClaim(c -> c.claim("events", Map.of("http://schemas.openid.net/event/other", Map.of())),
                FailureCode.LOGOUT_TOKEN_INVALID, "events");
    }

    @Test
    void aBackChannelLogoutEventThatIsNoObjectIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", "yes")),
                FailureCode.LOGOUT_TOKEN_INVALID, "events");
    }

    @Test
    void anEventsClaimThatIsNoObjectIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.claim("events", "backchannel-logout"), FailureCode.LOGOUT_TOKEN_INVALID, "events");
    }

    @Test
    void aTokenWithANonceIsAnIdTokenAndNeverALogout() {
        refusedAtClaim(c -> c.claim("nonce", "n-1"), FailureCode.LOGOUT_TOKEN_INVALID, "nonce");
    }

    @Test
    void aTokenWithoutUniqueIdIsLogoutTokenInvalid() {
        refusedAtClaim(c -> c.jwtID(null), FailureCode.LOGOUT_TOKEN_INVALID, "jti");
    }

    @Test
    void theRefusalOfATokenWithoutIssuerOrAudienceSaysWhatIsMissing() {
        assertThat(refused(idp.signLogoutToken(claims().issuer(null).build()))).hasMessageContaining("it has no issuer (iss)");
        assertThat(refused(idp.signLogoutToken(claims().audience((String) null).build())))
                .hasMessageContaining("it has no audience (aud)");
        assertThat(refused(idp.signLogoutToken(claims().issuer("https://evil.example").build())))
                .hasMessageContaining("'https://evil.example'");
    }
}
