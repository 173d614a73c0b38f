package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.InvalidProviderSettingException;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.core.settings.SettingKey;
import io.gatehouse.sso.spi.ErrorRecord;
import io.gatehouse.sso.spi.PersistenceException;
import io.gatehouse.sso.spi.StoreUnavailableException;
import io.gatehouse.sso.testkit.InMemoryErrorLog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-request attempt: how a refusal is recorded, and the one mapping of exceptions to failures. */
class LoginAttemptTest {
    private static final String SECRET = "client-secret-1234567";
    private static final URI BASE = URI.create("http://localhost:8000");

    private final InMemoryErrorLog errorLog = new InMemoryErrorLog();
    private final FailureLog failures = new FailureLog(errorLog, Clock.systemUTC());

    private LoginAttempt begin(String next) {
        return LoginAttempt.begin(failures, "github", new LoginRequest(AuthProcess.LOGIN, next, BASE, null, null));
    }

    private ErrorRecord onlyRecord() {
        assertThat(errorLog.all()).hasSize(1);
        return errorLog.all().get(0);
    }

    private static FailureCode codeOf(LoginOutcome outcome) {
        assertThat(outcome).isInstanceOf(LoginOutcome.Failed.class);
        return ((LoginOutcome.Failed) outcome).failure().code();
    }

    @Test
    void aRefusalIsRecordedWithTheAttemptsPlaceAndDataAndGoesToItsNext() {
        LoginOutcome.Failed failed = begin("/parts/").refuse(FailureCode.SSO_DISABLED, "SSO is off");

        assertThat(failed.next()).isEqualTo("/parts/");
        assertThat(failed.failure().errorLogId()).isEqualTo(onlyRecord().id());
        assertThat(onlyRecord().kind()).isEqualTo("sso.sso_disabled");
        assertThat(onlyRecord().data()).isEqualTo("provider=github");
        assertThat(onlyRecord().path()).isEqualTo("auth:/accounts/github/login/");
    }

    @Test
    void anUnsafeNextBecomesTheSiteRoot() {
        assertThat(begin("https://evil.example/").refuse(FailureCode.SSO_DISABLED, "x").next()).isEqualTo("/");
        assertThat(begin("/ok/").continuingTo("//evil.example").refuse(FailureCode.SSO_DISABLED, "x").next()).isEqualTo("/");
    }

    @Test
    void aSecretLearnedThroughAViewIsScrubbedFromEveryRecordOfTheAttempt() {
        LoginAttempt attempt = begin("/");
        attempt.about("provider=github uid=42").scrub(SECRET);

        attempt.refuse(FailureCode.TOKEN_EXCHANGE_FAILED, "GitHub rejected " + SECRET);

        assertThat(onlyRecord().info()).isEqualTo("GitHub rejected (redacted)");
    }

    @Test
    void theCallbacksCodeStateAndCookiesAreScrubbedButShortValuesAreNot() {
        CallbackRequest callback = new CallbackRequest(Map.of("code", List.of("code-0123456789"), "state", List.of("st")),
                Map.of("gh_tx", "sealed-cookie-value"), BASE, null);
        LoginAttempt attempt = LoginAttempt.callback(failures, "github", callback);

        attempt.refuse(FailureCode.IDP_ERROR, "code-0123456789 sealed-cookie-value st");

        assertThat(onlyRecord().info()).isEqualTo("(redacted) (redacted) st");
    }

    @Test
    void aProviderFailureBecomesItsOwnCode() {
        LoginOutcome outcome = begin("/").guard(() -> {
            throw new ProviderException(FailureCode.IDP_UNREACHABLE, "connection refused");
        });

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.IDP_UNREACHABLE);
        assertThat(onlyRecord().info()).isEqualTo("connection refused");
        assertThat(onlyRecord().data()).isEqualTo("provider=github");
    }

    @Test
    void anInvalidAppSettingBecomesAppNotConfiguredNamingTheSetting() {
        LoginOutcome outcome = begin("/").guard(() -> {
            throw new InvalidProviderSettingException("SCOPE", "SCOPE must be a list");
        });

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.APP_NOT_CONFIGURED);
        assertThat(onlyRecord().info()).isEqualTo("A social application setting is invalid: SCOPE must be a list");
        assertThat(onlyRecord().data()).isEqualTo("provider=github setting=SCOPE");
    }

    @Test
    void anInvalidAppSettingDuringSignupNamesOnlyTheSetting() {
        LoginAttempt signup = LoginAttempt.signup(failures, "token-0123456789", BASE);

        signup.guard(() -> {
            throw new InvalidProviderSettingException("SCOPE", "SCOPE must be a list");
        });

        assertThat(onlyRecord().data()).isEqualTo("setting=SCOPE");
    }

    @Test
    void anInvalidLoginSettingBecomesSettingsInvalid() {
        LoginOutcome outcome = begin("/").guard(() -> {
            throw new InvalidSettingException(SettingKey.LOGIN_ENABLE_SSO, "expected true or false");
        });

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.SETTINGS_INVALID);
        assertThat(onlyRecord().info()).isEqualTo("A login setting is invalid: LOGIN_ENABLE_SSO: expected true or false");
    }

    @Test
    void aStoreThatCannotBeReachedIsStoreUnavailableLoggedButNotAppendedToTheErrorLog() {
        LoginOutcome outcome = begin("/parts/").guard(() -> {
            throw new StoreUnavailableException("the database is unavailable (SQLState 08001): connection refused",
                    new SQLTransientConnectionException("connection refused"));
        });

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.STORE_UNAVAILABLE);
        assertThat(((LoginOutcome.Failed) outcome).failure().errorLogId()).isNull();
        assertThat(outcome.next()).isEqualTo("/parts/");
        assertThat(errorLog.all()).as("the error log lives in the store that failed").isEmpty();
    }

    @Test
    void anotherStoreFailureStaysAnInternalError() {
        LoginOutcome outcome = begin("/").guard(() -> {
            throw new PersistenceException("a check constraint refused the row");
        });

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.INTERNAL_ERROR);
        assertThat(onlyRecord().kind()).isEqualTo("sso.internal_error");
    }

    @Test
    void anyOtherFailureIsAnInternalErrorWithTheSecretsScrubbed() {
        LoginAttempt attempt = LoginAttempt.signup(failures, "token-0123456789", BASE);
        attempt.scrub(SECRET);

        LoginOutcome outcome = attempt.guard(() -> {
            throw new IllegalStateException("broken with " + SECRET + " and token-0123456789");
        });

        assertThat(codeOf(outcome)).isEqualTo(FailureCode.INTERNAL_ERROR);
        assertThat(outcome.next()).isEqualTo("/");
        assertThat(onlyRecord().info()).isEqualTo("Unexpected java.lang.IllegalStateException: broken with (redacted) and (redacted)");
        assertThat(onlyRecord().data()).isEqualTo("provider=signup");
        assertThat(onlyRecord().path()).isEqualTo("auth:/accounts/signup/");
    }

    @Test
    void aStepThatSucceedsIsReturnedAsItIs() {
        LoginOutcome done = new LoginOutcome.EmailConfirmed(null, "/");

        assertThat(LoginAttempt.confirmation(failures, "t").guard(() -> done)).isSameAs(done);
        assertThat(errorLog.all()).isEmpty();
    }
}
