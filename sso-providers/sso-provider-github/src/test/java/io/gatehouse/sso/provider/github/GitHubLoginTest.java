package io.gatehouse.sso.provider.github;

import io.gatehouse.sso.core.FailureCode;
import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.LoginOutcome;
import io.gatehouse.sso.fixtures.EngineFixture;
import io.gatehouse.sso.fixtures.LoginDance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole logins through the engine, with GitHub's answers played by {@link FakeGitHub}. */
class GitHubLoginTest {
    final LoginDance dance = new LoginDance();
    FakeGitHub github;
    EngineFixture fx;

    @BeforeEach
    void start() {
        github = new FakeGitHub();
        fx = new EngineFixture();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    LoginEngine engineWith(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(github.endpoints());
        all.putAll(settings);
        fx.addApp("github", "GitHub", FakeGitHub.CLIENT_ID, FakeGitHub.CLIENT_SECRET, all);
        return fx.engine(new GitHubBackend());
    }

    static void assertFailed(LoginOutcome outcome, FailureCode code) {
        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.Failed.class, f -> {
            assertThat(f.failure().code()).isEqualTo(code);
            assertThat(f.failure().errorLogId()).isNotNull();
        });
    }

    @Test
    void aUserWithAPrivateVerifiedAddressSignsUpActiveAndIsLinkedByTheNumericId() {
        github.answer("/user", r -> FakeGitHub.json(200, FakeGitHub.OCTOCAT_PRIVATE_EMAIL));

        LoginOutcome outcome = dance.login(engineWith(Map.of()), "github");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.SignedIn.class, s -> {
            assertThat(s.user().username()).isEqualTo("octocat");
            assertThat(s.user().email()).isEqualTo("octocat@github.com");
            assertThat(s.user().active()).isTrue();
        });
        assertThat(fx.store.find("github", "583231")).isPresent();
        assertThat(fx.store.findToken("github", "583231")).hasValueSatisfying(t -> assertThat(t.accessToken()).isEqualTo(FakeGitHub.ACCESS_TOKEN));
        assertThat(github.request("/login/oauth/authorize").getUrl().queryParameter("redirect_uri"))
                .isEqualTo("http://localhost:8000/accounts/github/login/callback/");
    }

    @Test
    void anUnverifiedPrimaryAddressDoesNotActivateTheNewUser() {
        github.answer("/user/emails", r -> FakeGitHub.json(200,
                "[{\"email\": \"octocat@github.com\", \"verified\": false, \"primary\": true, \"visibility\": \"public\"}]"));

        LoginOutcome outcome = dance.login(engineWith(Map.of()), "github");

        assertThat(outcome).isInstanceOfSatisfying(LoginOutcome.AwaitingVerification.class, a -> assertThat(a.user().active()).isFalse());
    }

    @Test
    void aCodeRefusedWithHttp200PersistsNothingAndLeavesAnErrorLogRecordNamingTheError() {
        github.answerToken(r -> FakeGitHub.json(200, "{\"error\": \"bad_verification_code\", "
                + "\"error_description\": \"The code passed is incorrect or expired.\"}"));

        LoginOutcome outcome = dance.login(engineWith(Map.of()), "github");

        assertFailed(outcome, FailureCode.TOKEN_EXCHANGE_FAILED);
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.errors()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.token_exchange_failed");
            assertThat(r.info()).contains("bad_verification_code").doesNotContain(FakeGitHub.CLIENT_SECRET, FakeGitHub.CODE);
        });
    }

    @Test
    void aUserOutsideTheAllowedOrganizationsPersistsNothingAndLeavesAnErrorLogRecord() {
        LoginOutcome outcome = dance.login(engineWith(Map.of("orgs", List.of("inventree"))), "github");

        assertFailed(outcome, FailureCode.ACCESS_RESTRICTED);
        assertThat(fx.nothingPersisted()).isTrue();
        assertThat(fx.store.find("github", "583231")).isEmpty();
        assertThat(fx.errors()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("sso.access_restricted");
            assertThat(r.info()).contains("inventree").doesNotContain(FakeGitHub.ACCESS_TOKEN);
        });
    }

    @Test
    void neitherTokenNorCodeNorSecretReachesTheLogOrTheErrorLog() throws IOException {
        github.answer("/user/emails", r -> FakeGitHub.json(403, "{\"message\": \"Resource not accessible by integration\"}"));
        LoginEngine engine = engineWith(Map.of());
        dance.login(engine, "github");
        github.answerToken(r -> FakeGitHub.json(200, "{\"error\": \"incorrect_client_credentials\"}"));
        dance.login(engine, "github");

        String log = Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")), StandardCharsets.UTF_8);
        assertThat(log).contains("/user/emails answered HTTP 403").contains("incorrect_client_credentials")
                .doesNotContain(FakeGitHub.ACCESS_TOKEN, FakeGitHub.CODE, FakeGitHub.CLIENT_SECRET);
        assertThat(fx.errors()).allSatisfy(r -> assertThat(r.info() + r.data())
                .doesNotContain(FakeGitHub.ACCESS_TOKEN, FakeGitHub.CODE, FakeGitHub.CLIENT_SECRET));
    }
}
