package io.gatehouse.sso.provider.google;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.fixtures.BackendContexts;
import io.gatehouse.sso.fixtures.LoginDance;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Google backend against a fake Google that answers as Google documents. */
class GoogleBackendTest {
    static final URI CALLBACK = URI.create("http://localhost:8000/accounts/google/login/callback/");
    static final String NONCE = "nonce-0123456789abcdefghij";
    static final String VERIFIER = "verifier-0123456789abcdefghijklmnopqrstuvwxyz0123";

    final GoogleBackend backend = new GoogleBackend();
    FakeGoogle google;

    @BeforeEach
    void start() {
        google = new FakeGoogle();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    ProviderContext context(Map<String, Object> extraSettings) {
        Map<String, Object> settings = new HashMap<>(extraSettings);
        settings.put("discovery_url", google.discoveryUrl());
        return BackendContexts.forApp("google", "Google", FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET, settings, CALLBACK);
    }

    URI authorize(Map<String, Object> settings) throws ProviderException {
        ProviderContext ctx = context(settings);
        backend.checkSettings(ctx);
        return backend.authorizationUri(ctx, new AuthorizationParams("state-0123456789abcdefghij", NONCE, VERIFIER));
    }

    ProviderProfile signIn(Map<String, Object> settings) throws ProviderException {
        ProviderContext ctx = context(settings);
        authorize(settings);
        google.expectNonce(NONCE);
        return backend.exchange(ctx, new CodeExchange("4/0AeaYSHB-authorization-code", VERIFIER, NONCE)).profile();
    }

    static ProviderException failure(ThrowableAssert.ThrowingCallable call) {
        ProviderException e = catchThrowableOfType(ProviderException.class, call);
        assertThat(e).as("expected a ProviderException").isNotNull();
        return e;
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void theModuleIsRegisteredWithServiceLoaderUnderTheIdGoogle() {
        ProviderBackend found = ProviderRegistry.load(List.of("google")).find("google").orElseThrow();

        assertThat(found).isInstanceOf(GoogleBackend.class);
        assertThat(found.displayName()).isEqualTo("Google");
    }

    @Test
    void theAuthorizationRequestGoesToTheDiscoveredEndpointWithDefaultScopesCallbackStateNonceAndPkce() throws Exception {
        URI uri = authorize(Map.of());
        Map<String, List<String>> q = LoginDance.query(uri);

        assertThat(uri.toString()).startsWith(google.base() + "/o/oauth2/v2/auth?");
        assertThat(q.get("client_id")).containsExactly(FakeGoogle.CLIENT_ID);
        assertThat(q.get("redirect_uri")).containsExactly(CALLBACK.toString());
        assertThat(q.get("response_type")).containsExactly("code");
        assertThat(q.get("scope").get(0).split(" ")).containsExactlyInAnyOrder("openid", "email", "profile");
        assertThat(q.get("state")).containsExactly("state-0123456789abcdefghij");
        assertThat(q.get("nonce")).containsExactly(NONCE);
        assertThat(q.get("code_challenge_method")).containsExactly("S256");
        assertThat(q).doesNotContainKey("hd");
    }

    @Test
    void aHostedDomainIsSentAsTheHdHint() throws Exception {
        assertThat(LoginDance.query(authorize(Map.of("hd", "Example.com"))).get("hd")).containsExactly("example.com");
    }

    @Test
    void severalHostedDomainsSendTheAnyWorkspaceHint() throws Exception {
        assertThat(LoginDance.query(authorize(Map.of("hd", List.of("example.com", "example.org")))).get("hd")).containsExactly("*");
    }

    @Test
    void aHostedDomainThatIsNotADomainNameIsAConfigurationError() {
        ProviderException e = failure(() -> backend.checkSettings(context(Map.of("hd", "example.com/evil"))));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("hd", "example.com/evil");
    }

    @Test
    void theCodeIsExchangedWithTheCallbackUrlAndThePkceVerifier() throws Exception {
        signIn(Map.of());

        var request = google.tokenRequests().get(0);
        Map<String, String> body = form(request.getBody().utf8());
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(body).containsEntry("grant_type", "authorization_code").containsEntry("redirect_uri", CALLBACK.toString())
                .containsEntry("code", "4/0AeaYSHB-authorization-code").containsEntry("code_verifier", VERIFIER);
        assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
    }

    @Test
    void theProfileComesFromTheIdTokenWithSubAsUidAndAVerifiedEmail() throws Exception {
        ProviderProfile profile = signIn(Map.of());

        assertThat(profile.uid()).isEqualTo(FakeGoogle.SUB);
        assertThat(profile.emails()).containsExactly(new EmailAddress("ada@example.com", true, true));
        assertThat(profile.firstName()).isEqualTo("Ada");
        assertThat(profile.lastName()).isEqualTo("Lovelace");
        assertThat(profile.claims()).containsEntry("picture", "https://lh3.googleusercontent.com/a/photo")
                .containsEntry("iss", "https://accounts.google.com");
    }

    @Test
    void theIssuerSpelledWithoutTheSchemeIsAccepted() throws Exception {
        google.idToken(b -> b.issuer("accounts.google.com"));

        assertThat(signIn(Map.of()).uid()).isEqualTo(FakeGoogle.SUB);
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        google.idToken(b -> b.issuer("https://accounts.google.com.evil.example"));

        assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.ISSUER_MISMATCH);
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        google.idToken(b -> b.audience("someone-else.apps.googleusercontent.com").claim("azp", "someone-else.apps.googleusercontent.com"));

        assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.AUDIENCE_MISMATCH);
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        google.idToken(b -> b.claim("nonce", "nonce-of-another-login-xyz"));

        assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.NONCE_MISMATCH);
    }

    @Test
    void anIdTokenSignedWithAKeyGoogleDoesNotPublishIsRefused() {
        google.answerToken(r -> {
            try {
                var stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
                String forged = FakeGoogle.sign(google.claims(NONCE).build(), stranger);
                return FakeGoogle.json(200, "{\"access_token\":\"x-access\",\"token_type\":\"Bearer\",\"expires_in\":3599,"
                        + "\"id_token\":\"" + forged + "\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void emailVerifiedFalseGivesAnUnverifiedAddress() throws Exception {
        google.idToken(b -> b.claim("email_verified", false));

        assertThat(signIn(Map.of()).emails()).containsExactly(new EmailAddress("ada@example.com", false, true));
    }

    @Test
    void anAccountOfTheHostedDomainIsAcceptedIgnoringCase() throws Exception {
        google.idToken(b -> b.claim("hd", "Example.com"));

        assertThat(signIn(Map.of("hd", "example.com")).uid()).isEqualTo(FakeGoogle.SUB);
    }

    @Test
    void anAccountOfAnotherHostedDomainIsRestricted() {
        google.idToken(b -> b.claim("hd", "example.org"));

        ProviderException e = failure(() -> signIn(Map.of("hd", "example.com")));

        assertThat(e.code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
        assertThat(e.getMessage()).contains("example.org", "example.com");
    }

    @Test
    void aPersonalAccountWithoutHostedDomainIsRestrictedWhenHdIsSet() {
        ProviderException e = failure(() -> signIn(Map.of("hd", List.of("example.com", "example.org"))));

        assertThat(e.code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
        assertThat(e.getMessage()).contains("personal Google account");
    }

    @Test
    void theAnyWorkspaceValueAcceptsEveryHostedDomainButNoPersonalAccount() throws Exception {
        google.idToken(b -> b.claim("hd", "anything.example"));
        assertThat(signIn(Map.of("hd", "*")).uid()).isEqualTo(FakeGoogle.SUB);

        google.idToken(b -> b);
        assertThat(failure(() -> signIn(Map.of("hd", "*"))).code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
    }

    @Test
    void aRefusedCodeIsATokenExchangeFailureNamingGooglesError() {
        google.answerToken(r -> FakeGoogle.json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"Bad Request\"}"));

        ProviderException e = failure(() -> signIn(Map.of()));

        assertThat(e.code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(e.getMessage()).contains("error=invalid_grant");
    }

    @Test
    void aWrongClientSecretIsATokenExchangeFailureNamingGooglesError() {
        google.answerToken(r -> FakeGoogle.json(401, "{\"error\": \"invalid_client\", \"error_description\": \"Unauthorized\"}"));

        ProviderException e = failure(() -> signIn(Map.of()));

        assertThat(e.code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(e.getMessage()).contains("error=invalid_client").doesNotContain(FakeGoogle.CLIENT_SECRET);
    }
}
