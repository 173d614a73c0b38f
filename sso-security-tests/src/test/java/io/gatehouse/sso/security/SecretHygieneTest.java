package io.gatehouse.sso.security;

import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.gatehouse.sso.core.AuthProcess;
import io.gatehouse.sso.core.CallbackRequest;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.core.LoginRequest;
import io.gatehouse.sso.core.LogoutOutcome;
import io.gatehouse.sso.core.TokenOutcome;
import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.oidc.OidcProfiles;
import io.gatehouse.sso.core.oidc.OidcTokens;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.IdpSession;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.core.transaction.LoginTransaction;
import io.gatehouse.sso.core.transaction.LogoutTransaction;
import io.gatehouse.sso.core.transaction.Seal;
import io.gatehouse.sso.core.transaction.TransactionCookie;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.SsoSession;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets, tokens and codes stay out of every {@code toString()} a host might log, out of outcomes, and
 * out of exceptions (including their causes). The error log is checked by every refusal in this suite
 * ({@link SecurityBench#assertRefused}); log lines by {@link LogFileSecrecyTest}.
 */
class SecretHygieneTest {
    static final String ACCESS = Secrets.accessToken();
    static final String REFRESH = Secrets.refreshToken();
    static final String CODE = Secrets.code();

    static void assertClean(Object value, String... alsoSecret) {
        String text = String.valueOf(value);
        SecurityBench.assertNoSecret(text);
        for (String secret : alsoSecret) {
            assertThat(text).doesNotContain(secret);
        }
    }

    static String withCauses(Throwable t) {
        List<String> parts = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            parts.add(c.toString());
        }
        return String.join(" <- ", parts);
    }

    @Test
    void aSocialAppPrintsNeitherSecretNorKey() {
        assertClean(SocialApp.builder("openid_connect").id("1").name("Corp").clientId("client").secret(Secrets.CLIENT_SECRET)
                .key("KEY-q1w2e3r4t5").settings(Map.of("server_url", "https://idp.example")).sites("localhost").build(),
                "KEY-q1w2e3r4t5");
    }

    @Test
    void aSocialTokenPrintsNoToken() {
        assertClean(new SocialToken(ACCESS, REFRESH, Instant.now()));
    }

    @Test
    void aRegistrationPrintsNoToken() {
        assertClean(new Registration(new UserDraft("ada", "ada@example.com", "", "", true),
                new IdentitySignIn("openid_connect", "sub", Map.of(), new SocialToken(ACCESS, REFRESH, null), Instant.now()), Set.of()));
    }

    @Test
    void anIdentitySignInPrintsNoToken() {
        assertClean(new IdentitySignIn("openid_connect", "sub", Map.of("email", "ada@example.com"),
                new SocialToken(ACCESS, REFRESH, null), Instant.now()));
    }

    @Test
    void aCodeExchangePrintsNoCodeVerifierOrNonce() {
        assertClean(new CodeExchange(CODE, "verifier-z9y8x7w6v5u4", "nonce-p0o9i8u7y6t5"), "verifier-z9y8x7w6v5u4",
                "nonce-p0o9i8u7y6t5");
    }

    @Test
    void aCallbackRequestPrintsNoParameterOrCookieValue() {
        assertClean(new CallbackRequest(Map.of("state", List.of("state-a1s2d3f4g5"), "code", List.of(CODE)),
                Map.of("gatehouse_tx_x", "sealed-h6j7k8l9"), EngineFixture.BASE, null), "state-a1s2d3f4g5", "sealed-h6j7k8l9");
    }

    @Test
    void aLoginTransactionPrintsNoStateNonceOrVerifier() {
        assertClean(new LoginTransaction("state-a1s2d3f4g5", "nonce-p0o9i8u7y6t5", "verifier-z9y8x7w6v5u4", "openid_connect",
                "1", AuthProcess.LOGIN, "/", null, Instant.now()), "state-a1s2d3f4g5", "nonce-p0o9i8u7y6t5", "verifier-z9y8x7w6v5u4");
    }

    @Test
    void aSignInSessionPrintsNoIdTokenAndAnIdpSessionNoSid() {
        assertClean(new SsoSession("handle-q1w2e3r4", "7", "keycloak", "app-1", "sub", "sid-z8x7c6v5", "eyJ.ID-TOKEN-p0o9i8", Instant.now(),
                Instant.now().plusSeconds(60), null), "handle-q1w2e3r4", "sid-z8x7c6v5", "eyJ.ID-TOKEN-p0o9i8");
        assertClean(new IdpSession("sub", "sid-z8x7c6v5", "eyJ.ID-TOKEN-p0o9i8"), "sid-z8x7c6v5", "eyJ.ID-TOKEN-p0o9i8");
    }

    @Test
    void aTokenOutcomeAndALogoutRedirectPrintNoTokenOrStateOrHint() {
        assertClean(new TokenOutcome.Current(ACCESS, Instant.now(), true));
        assertClean(new LogoutOutcome.Redirect(URI.create("https://idp.example/logout?id_token_hint=eyJ.ID-TOKEN-p0o9i8&state=st-k9j8"),
                new TransactionCookie(LogoutTransaction.COOKIE, "SEALED-LOGOUT-m1n2", "/accounts/", Duration.ofMinutes(10), true, "Lax"), "/"),
                "eyJ.ID-TOKEN-p0o9i8", "st-k9j8", "SEALED-LOGOUT-m1n2");
        assertClean(new LogoutTransaction("st-k9j8-state-value", "/", "keycloak"), "st-k9j8-state-value");
    }

    @Test
    void aProviderProfilePrintsNoClaimValues() {
        ProviderProfile profile = OidcProfiles.fromClaims("sub", Map.of("email", "ada@example.com",
                "custom_api_key", "APIKEY-m3n4b5v6"));

        assertClean(profile, "APIKEY-m3n4b5v6", "ada@example.com");
    }

    @Test
    void oidcTokensPrintNoToken() {
        assertClean(new OidcTokens("sub", Map.of("at_hash", "x"), new BearerAccessToken(ACCESS),
                new SocialToken(ACCESS, REFRESH, null)));
    }

    @Test
    void theConfigurationPrintsNoTransactionKeyAppSecretOrSmtpPassword() {
        GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(
                "SSO_TRANSACTION_KEY", Secrets.TRANSACTION_KEY, "SSO_EMAIL_PASSWORD", Secrets.SMTP_PASSWORD), null,
                Map.of("social_providers", Map.of("github", Map.of("APPS", List.of(Map.of("client_id", "c",
                        "secret", Secrets.CLIENT_SECRET)))))));

        assertClean(config);
        assertClean(config.values());
    }

    @Test
    void aMalformedTransactionKeyIsNotEchoed() {
        Throwable thrown = catchThrowable(() -> GatehouseConfig.read(ConfigValues.of("SSO_",
                Map.of("SSO_TRANSACTION_KEY", "SECRETTXKEYtooShort0a9s8d7"), null, Map.of())));

        assertThat(thrown).isInstanceOf(ConfigException.class);
        assertThat(withCauses(thrown)).doesNotContain("SECRETTXKEYtooShort0a9s8d7");
    }

    @Test
    void aSecretOnAMalformedJsonLineIsNotEchoed() {
        // an unquoted secret is what the JSON parser complains about: "Unrecognized token '<the secret>'"
        Throwable thrown = catchThrowable(() -> GatehouseConfig.read(ConfigValues.of("SSO_", Map.of("SSO_SOCIAL_PROVIDERS",
                "{\"github\": {\"APPS\": [{\"client_id\": \"c\", \"secret\": SECRETCLIENTq7Vx2kLm9PzD}]}}"), null, Map.of())));

        assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageContaining("line 1");
        assertThat(withCauses(thrown)).doesNotContain("SECRETCLIENTq7Vx2kLm9PzD");
    }

    @Test
    void aSecretOnAMalformedYamlLineIsNotEchoed(@TempDir Path dir) throws IOException {
        // YAML parse errors quote the offending line of the file
        Path file = Files.writeString(dir.resolve("gatehouse.yaml"), "social_providers:\n  github:\n    APPS:\n"
                + "      - client_id: c\n\tsecret: SECRETCLIENTq7Vx2kLm9PzD\nemail_password: \"SECRETSMTPw3Rt8YuI0oPa\n");

        Throwable thrown = catchThrowable(() -> GatehouseConfig.read(ConfigValues.of("SSO_", Map.of(), file, Map.of())));

        assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageContaining("line");
        assertThat(withCauses(thrown)).doesNotContain("SECRETCLIENTq7Vx2kLm9PzD", "SECRETSMTPw3Rt8YuI0oPa");
    }

    @Test
    void aRejectedSealedValueIsNotEchoedInTheException() {
        Seal seal = new Seal(Seal.randomKey(), Clock.systemUTC());
        String forged = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..SEALED-q1a2z3.SEALED-w4s5x6.SEALED-e7d8c9";

        Throwable thrown = catchThrowable(() -> seal.open("login-transaction", forged));

        assertThat(thrown).isInstanceOf(Seal.Broken.class);
        assertThat(withCauses(thrown)).doesNotContain("SEALED-");
    }

    @Test
    void theOutcomesOfARealLoginPrintNoTokenCodeOrSealedValue() {
        try (SecurityBench bench = new SecurityBench()) {
            SecurityBench.Pending p = bench.begin();
            LoginOutcome begun = bench.engine.beginLogin(SecurityBench.ROUTE,
                    new LoginRequest(AuthProcess.LOGIN, "/", EngineFixture.BASE, null, null));
            bench.answer(p, bench.idp.sign(bench.claims(p).build()));
            LoginOutcome signedIn = bench.complete(p);

            assertThat(signedIn).isInstanceOf(LoginOutcome.SignedIn.class);
            assertClean(begun, ((LoginOutcome.Redirect) begun).cookie().value());
            assertClean(signedIn, p.cookieValue());
        }
    }

    @Test
    void aPendingSignupPrintsNoSignupToken() {
        try (SecurityBench bench = new SecurityBench()) {
            bench.fx.set(SettingKey.LOGIN_SIGNUP_SSO_AUTO, "false");
            LoginOutcome pending = bench.validLogin("subject-1", "ada@example.com");

            assertThat(pending).isInstanceOf(LoginOutcome.PendingSignup.class);
            assertClean(pending, ((LoginOutcome.PendingSignup) pending).signupToken());
        }
    }
}
