package io.gatehouse.sso.provider.github;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.provider.AuthorizationParams;
import io.gatehouse.sso.core.provider.CodeExchange;
import io.gatehouse.sso.core.provider.EmailAddress;
import io.gatehouse.sso.core.provider.ProviderBackend;
import io.gatehouse.sso.core.provider.ProviderContext;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.provider.ProviderProfile;
import io.gatehouse.sso.core.provider.ProviderRegistry;
import io.gatehouse.sso.core.provider.ProviderResult;
import io.gatehouse.sso.fixtures.BackendContexts;
import io.gatehouse.sso.fixtures.LoginDance;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The GitHub backend against a fake GitHub that answers as docs.github.com documents. */
class GitHubBackendTest {
    static final URI CALLBACK = URI.create("http://localhost:8000/accounts/github/login/callback/");
    static final String VERIFIER = "verifier-0123456789abcdefghijklmnopqrstuvwxyz0123";

    final GitHubBackend backend = new GitHubBackend();
    FakeGitHub github;

    @BeforeEach
    void start() {
        github = new FakeGitHub();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    ProviderContext context(Map<String, Object> settings) {
        return BackendContexts.forApp("github", "GitHub", FakeGitHub.CLIENT_ID, FakeGitHub.CLIENT_SECRET, settings, CALLBACK);
    }

    Map<String, Object> withEndpoints(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(github.endpoints());
        all.putAll(settings);
        return all;
    }

    URI authorize(Map<String, Object> settings, String verifier) throws ProviderException {
        ProviderContext ctx = context(withEndpoints(settings));
        backend.checkSettings(ctx);
        return backend.authorizationUri(ctx, new AuthorizationParams("state-0123456789abcdefghij", "nonce-unused-by-github", verifier));
    }

    ProviderResult exchange(Map<String, Object> settings) throws ProviderException {
        return backend.exchange(context(settings), new CodeExchange(FakeGitHub.CODE, VERIFIER, "nonce-unused-by-github"));
    }

    ProviderProfile signIn(Map<String, Object> settings) throws ProviderException {
        return exchange(withEndpoints(settings)).profile();
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

    static void assertApiHeaders(RecordedRequest request) {
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeGitHub.ACCESS_TOKEN);
        assertThat(request.getHeaders().get("User-Agent")).isNotBlank();
    }

    // ------------------------------------------------------------------ registration and authorization

    @Test
    void theModuleIsRegisteredWithServiceLoaderUnderTheIdGithub() {
        ProviderBackend found = ProviderRegistry.load(List.of("github")).find("github").orElseThrow();

        assertThat(found).isInstanceOf(GitHubBackend.class);
        assertThat(found.displayName()).isEqualTo("GitHub");
    }

    @Test
    void theAuthorizationRequestCarriesClientIdCallbackDefaultScopesStateAndAnS256Challenge() throws Exception {
        URI uri = authorize(Map.of(), VERIFIER);
        Map<String, List<String>> q = LoginDance.query(uri);

        assertThat(uri.toString()).startsWith(github.base() + "/login/oauth/authorize?");
        assertThat(q.get("client_id")).containsExactly(FakeGitHub.CLIENT_ID);
        assertThat(q.get("redirect_uri")).containsExactly(CALLBACK.toString());
        assertThat(q.get("scope")).containsExactly("read:user user:email");
        assertThat(q.get("state")).containsExactly("state-0123456789abcdefghij");
        assertThat(q.get("code_challenge_method")).containsExactly("S256");
        assertThat(q.get("code_challenge").get(0)).isNotBlank().isNotEqualTo(VERIFIER);
        assertThat(q).doesNotContainKey("nonce");
    }

    @Test
    void withPkceTurnedOffNoChallengeIsSent() throws Exception {
        assertThat(LoginDance.query(authorize(Map.of(), null))).doesNotContainKeys("code_challenge", "code_challenge_method");
    }

    @Test
    void anOrganizationRestrictionAddsTheReadOrgScope() throws Exception {
        var q = LoginDance.query(authorize(Map.of("orgs", List.of("inventree")), VERIFIER));

        assertThat(q.get("scope")).containsExactly("read:user user:email read:org");
    }

    @Test
    void configuredScopesReplaceTheDefaults() throws Exception {
        var q = LoginDance.query(authorize(Map.of("SCOPE", List.of("user:email")), VERIFIER));

        assertThat(q.get("scope")).containsExactly("user:email");
    }

    @Test
    void authParamsAddTheirParametersToTheAuthorizationUrl() throws Exception {
        var q = LoginDance.query(authorize(Map.of("AUTH_PARAMS", Map.of("allow_signup", "false", "prompt", "select_account")), VERIFIER));

        assertThat(q.get("allow_signup")).containsExactly("false");
        assertThat(q.get("prompt")).containsExactly("select_account");
        assertThat(q.get("state")).containsExactly("state-0123456789abcdefghij");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.gatehouse.sso.testidp.ReservedAuthParams#names")
    void aReservedAuthParamIsRefusedAsAConfigurationErrorNamingIt(String reserved) {
        ProviderException e = failure(() -> authorize(Map.of("AUTH_PARAMS", Map.of(reserved, "attacker-chosen")), VERIFIER));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("AUTH_PARAMS may not set [" + reserved + "]");
    }

    // ------------------------------------------------------------------ token exchange

    @Test
    void theCodeIsExchangedByPostAskingForJsonWithCallbackVerifierAndClientCredentials() throws Exception {
        signIn(Map.of());

        RecordedRequest request = github.request("/login/oauth/access_token");
        Map<String, String> body = form(request.getBody().utf8());
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(body).containsEntry("code", FakeGitHub.CODE).containsEntry("redirect_uri", CALLBACK.toString())
                .containsEntry("code_verifier", VERIFIER).containsEntry("client_id", FakeGitHub.CLIENT_ID)
                .containsEntry("client_secret", FakeGitHub.CLIENT_SECRET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad_verification_code|The code passed is incorrect or expired.",
            "incorrect_client_credentials|The client_id and/or client_secret passed are incorrect.",
            "redirect_uri_mismatch|The redirect_uri MUST match the registered callback URL for this application."})
    void anErrorAnsweredWithHttp200IsATokenExchangeFailureNamingTheError(String error, String description) {
        github.answerToken(r -> FakeGitHub.json(200, "{\"error\": \"" + error + "\", \"error_description\": \"" + description
                + "\", \"error_uri\": \"https://docs.github.com/apps/troubleshooting\"}"));

        ProviderException e = failure(() -> signIn(Map.of()));

        assertThat(e.code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(e.getMessage()).contains("error=" + error).doesNotContain(FakeGitHub.CLIENT_SECRET, FakeGitHub.CODE);
        assertThat(github.requests()).noneMatch(r -> r.getUrl().encodedPath().equals("/user"));
    }

    @Test
    void aRedirectUriMismatchNamesTheCallbackUrlToRegister() {
        github.answerToken(r -> FakeGitHub.json(200, "{\"error\": \"redirect_uri_mismatch\"}"));

        assertThat(failure(() -> signIn(Map.of())).getMessage()).contains(CALLBACK.toString());
    }

    @Test
    void aFormEncodedTokenAnswerIsAnInvalidResponse() {
        github.answerToken(r -> new mockwebserver3.MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/x-www-form-urlencoded")
                .body("access_token=" + FakeGitHub.ACCESS_TOKEN + "&scope=user%3Aemail&token_type=bearer").build());

        ProviderException e = failure(() -> signIn(Map.of()));

        assertThat(e.code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
        assertThat(e.getMessage()).doesNotContain(FakeGitHub.ACCESS_TOKEN);
    }

    @Test
    void aTokenEndpointServerErrorIsATokenExchangeFailure() {
        github.answerToken(r -> FakeGitHub.json(502, "{\"message\": \"Server Error\"}"));

        assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.TOKEN_EXCHANGE_FAILED);
    }

    // ------------------------------------------------------------------ profile

    @Test
    void apiCallsSendGitHubsMediaTypeApiVersionAndTheBearerToken() throws Exception {
        signIn(Map.of());

        assertApiHeaders(github.request("/user"));
        assertApiHeaders(github.request("/user/emails"));
    }

    @Test
    void theUidIsTheNumericIdAndTheUsernameTheLogin() throws Exception {
        ProviderProfile profile = signIn(Map.of());

        assertThat(profile.uid()).isEqualTo("583231");
        assertThat(profile.username()).isEqualTo("octocat");
        assertThat(profile.claims()).containsEntry("login", "octocat").containsEntry("html_url", "https://github.com/octocat");
    }

    @Test
    void theNameIsSplitIntoFirstAndLastName() throws Exception {
        ProviderProfile profile = signIn(Map.of());

        assertThat(profile.firstName()).isEqualTo("Mona Lisa");
        assertThat(profile.lastName()).isEqualTo("Octocat");
    }

    @Test
    void theAccessTokenIsReturnedForStorage() throws Exception {
        assertThat(exchange(withEndpoints(Map.of())).token().accessToken()).isEqualTo(FakeGitHub.ACCESS_TOKEN);
    }

    @Test
    void aPrivateEmailIsResolvedFromTheVerifiedPrimaryAddress() throws Exception {
        github.answer("/user", r -> FakeGitHub.json(200, FakeGitHub.OCTOCAT_PRIVATE_EMAIL));

        ProviderProfile profile = signIn(Map.of());

        assertThat(profile.preferredEmail()).contains(new EmailAddress("octocat@github.com", true, true));
        assertThat(profile.emails()).containsExactly(new EmailAddress("octocat@github.com", true, true),
                new EmailAddress("mona@example.com", false, false));
    }

    @Test
    void anUnverifiedPrimaryAddressIsNotMarkedVerified() throws Exception {
        github.answer("/user/emails", r -> FakeGitHub.json(200,
                "[{\"email\": \"octocat@github.com\", \"verified\": false, \"primary\": true, \"visibility\": \"public\"}]"));

        assertThat(signIn(Map.of()).emails()).containsExactly(new EmailAddress("octocat@github.com", false, true));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {403, 404})
    void withoutAccessToTheAddressesThePublicEmailIsUsedUnverified(int status) throws Exception {
        github.answer("/user/emails", r -> FakeGitHub.json(status, "{\"message\": \"Not Found\", "
                + "\"documentation_url\": \"https://docs.github.com/rest/users/emails\", \"status\": \"" + status + "\"}"));

        assertThat(signIn(Map.of()).emails()).containsExactly(new EmailAddress("octocat@github.com", false, true));
    }

    @Test
    void withoutAccessToTheAddressesAndNoPublicEmailTheProfileHasNoAddress() throws Exception {
        github.answer("/user", r -> FakeGitHub.json(200, FakeGitHub.OCTOCAT_PRIVATE_EMAIL));
        github.answer("/user/emails", r -> FakeGitHub.json(404, "{\"message\": \"Not Found\"}"));

        assertThat(signIn(Map.of()).emails()).isEmpty();
    }

    @Test
    void queryEmailFalseAsksForNoEmailScopeAndUsesThePublicAddressUnverified() throws Exception {
        assertThat(LoginDance.query(authorize(Map.of("QUERY_EMAIL", false), VERIFIER)).get("scope")).containsExactly("read:user");

        ProviderProfile profile = signIn(Map.of("QUERY_EMAIL", false));

        assertThat(profile.emails()).containsExactly(new EmailAddress("octocat@github.com", false, true));
        assertThat(github.requests()).noneMatch(r -> r.getUrl().encodedPath().equals("/user/emails"));
    }

    @Test
    void queryEmailTrueIsTheDefaultAndReadsTheAddressesWithTheirFlags() throws Exception {
        assertThat(LoginDance.query(authorize(Map.of("query_email", true), VERIFIER)).get("scope"))
                .containsExactly("read:user user:email");

        signIn(Map.of("query_email", true));

        assertThat(github.requests()).anyMatch(r -> r.getUrl().encodedPath().equals("/user/emails"));
    }

    @Test
    void badCredentialsAtUserAreAnInvalidResponseWithGitHubsMessage() {
        github.answer("/user", r -> FakeGitHub.json(401, "{\"message\": \"Bad credentials\", "
                + "\"documentation_url\": \"https://docs.github.com/rest\", \"status\": \"401\"}"));

        ProviderException e = failure(() -> signIn(Map.of()));

        assertThat(e.code()).isEqualTo(FailureCode.IDP_RESPONSE_INVALID);
        assertThat(e.getMessage()).contains("HTTP 401", "Bad credentials");
    }

    @Test
    void aUserWithoutANumericIdIsRefused() {
        github.answer("/user", r -> FakeGitHub.json(200, FakeGitHub.OCTOCAT.replace("\"id\": 583231", "\"id\": \"octocat\"")));

        assertThat(failure(() -> signIn(Map.of())).code()).isEqualTo(FailureCode.PROFILE_INVALID);
    }

    // ------------------------------------------------------------------ endpoints

    @Test
    void githubUrlPointsTheWebFlowAndTheApiAtAnEnterpriseServer() throws Exception {
        Map<String, Object> ghe = Map.of("GITHUB_URL", github.base() + "/");
        ProviderContext ctx = context(ghe);

        URI uri = backend.authorizationUri(ctx, new AuthorizationParams("state-0123456789abcdefghij", "n", VERIFIER));
        ProviderProfile profile = exchange(ghe).profile();

        assertThat(uri.toString()).startsWith(github.base() + "/login/oauth/authorize?");
        assertThat(github.request("/login/oauth/access_token").getMethod()).isEqualTo("POST");
        assertApiHeaders(github.request("/api/v3/user"));
        assertApiHeaders(github.request("/api/v3/user/emails"));
        assertThat(profile.uid()).isEqualTo("583231");
    }

    @Test
    void withoutSettingsTheEndpointsAreGitHubDotCom() throws Exception {
        GitHubEndpoints endpoints = GitHubEndpoints.of(context(Map.of()));

        assertThat(endpoints.authorize()).hasToString("https://github.com/login/oauth/authorize");
        assertThat(endpoints.token()).hasToString("https://github.com/login/oauth/access_token");
        assertThat(endpoints.api("/user")).hasToString("https://api.github.com/user");
    }

    @Test
    void anExplicitApiUrlWinsOverTheOneDerivedFromGithubUrl() throws Exception {
        GitHubEndpoints endpoints = GitHubEndpoints.of(context(Map.of("GITHUB_URL", "https://octo.ghe.com",
                "api_url", "https://api.octo.ghe.com/")));

        assertThat(endpoints.authorize()).hasToString("https://octo.ghe.com/login/oauth/authorize");
        assertThat(endpoints.api("/user")).hasToString("https://api.octo.ghe.com/user");
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsAConfigurationError() {
        ProviderException e = failure(() -> backend.checkSettings(context(Map.of("GITHUB_URL", "github.example.com"))));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("GITHUB_URL");
    }

    // ------------------------------------------------------------------ organizations

    @Test
    void anActiveMemberOfOneListedOrganizationSignsIn() throws Exception {
        github.answer("/user/memberships/orgs/inventree", r -> FakeGitHub.json(200, "{\"url\": \"https://api.github.com/orgs/inventree/memberships/octocat\", "
                + "\"state\": \"active\", \"role\": \"member\", \"organization\": {\"login\": \"inventree\", \"id\": 1}}"));

        ProviderProfile profile = signIn(Map.of("orgs", List.of("other-org", "inventree")));

        assertThat(profile.uid()).isEqualTo("583231");
        assertApiHeaders(github.request("/user/memberships/orgs/inventree"));
    }

    @Test
    void aPendingMembershipIsRestricted() {
        github.answer("/user/memberships/orgs/inventree", r -> FakeGitHub.json(200, "{\"state\": \"pending\", \"role\": \"member\"}"));

        ProviderException e = failure(() -> signIn(Map.of("orgs", "inventree")));

        assertThat(e.code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
        assertThat(e.getMessage()).contains("octocat", "inventree: pending");
    }

    @Test
    void aUserInNoListedOrganizationIsRestricted() {
        ProviderException e = failure(() -> signIn(Map.of("orgs", List.of("inventree", "acme"))));

        assertThat(e.code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
        assertThat(e.getMessage()).contains("inventree: not a member", "acme: not a member");
    }

    @Test
    void anOrganizationThatRestrictsOAuthAppsIsReportedWithGitHubsMessage() {
        github.answer("/user/memberships/orgs/inventree", r -> FakeGitHub.json(403, "{\"message\": \"Although you appear to have "
                + "the correct authorization credentials, the `inventree` organization has enabled OAuth App access restrictions.\"}"));

        ProviderException e = failure(() -> signIn(Map.of("orgs", "inventree")));

        assertThat(e.code()).isEqualTo(FailureCode.ACCESS_RESTRICTED);
        assertThat(e.getMessage()).contains("OAuth App access restrictions");
    }

    @Test
    void anOrganizationNameThatIsNotOneIsAConfigurationError() {
        ProviderException e = failure(() -> backend.checkSettings(context(Map.of("orgs", List.of("../admin")))));

        assertThat(e.code()).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
    }
}
