package io.gatehouse.sso.core;

import io.gatehouse.sso.core.provider.InvalidProviderSettingException;
import io.gatehouse.sso.core.provider.ProviderException;
import io.gatehouse.sso.core.settings.InvalidSettingException;
import io.gatehouse.sso.spi.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One request's attempt at a step of the flow (begin, callback, sign-up, confirmation): where it happens for
 * the error log, the safe {@code next} path, what the refusals of this step say about it, and the secrets
 * to scrub from every record. A refusal is one call: {@code return attempt.refuse(FailureCode.STATE_MISMATCH, "...")}.
 *
 * <p>The place, {@code next} and data never change; {@link #continuingTo} and {@link #about} give views that
 * differ in one of them. The secrets are one set shared by the attempt and its views, growing as the step
 * learns more (the app's client secret, the tokens), so an attempt is confined to the request that made it.
 */
final class LoginAttempt {
    /** The engine's logger: hosts that route its unexpected failures keep doing so. */
    private static final Logger LOG = LoggerFactory.getLogger(LoginEngine.class);

    /** A step of the flow; the exceptions it may throw become failures in {@link #guard}. */
    @FunctionalInterface
    interface Step<T> {
        T run() throws ProviderException;
    }

    private final FailureLog failures;
    private final String label;
    private final String path;
    private final String data;
    private final String next;
    private final URI baseUrl;
    private final Set<String> secrets;

    private LoginAttempt(FailureLog failures, String label, String path, String data, String next, URI baseUrl,
                         Set<String> secrets) {
        this.failures = failures;
        this.label = label;
        this.path = path;
        this.data = data;
        this.next = SafeNext.of(next);
        this.baseUrl = baseUrl;
        this.secrets = secrets;
    }

    /** Beginning a login or connect on a provider route. */
    static LoginAttempt begin(FailureLog failures, String routeId, LoginRequest request) {
        return new LoginAttempt(failures, routeId, "auth:/accounts/" + routeId + "/login/", "provider=" + routeId,
                request.next(), request.baseUrl(), new HashSet<>());
    }

    /** The IdP's redirect back: its sealed cookies, code and state are what could let someone finish this login. */
    static LoginAttempt callback(FailureLog failures, String routeId, CallbackRequest callback) {
        Set<String> secrets = new HashSet<>(callback.cookies().values());
        // (short values are no credential, and blanking them would let a forged callback censor the admin's log)
        for (String name : List.of("code", "state")) {
            for (String value : callback.params().getOrDefault(name, List.of())) {
                if (value.length() >= 8) {
                    secrets.add(value);
                }
            }
        }
        return new LoginAttempt(failures, routeId, "auth:/accounts/" + routeId + "/login/callback/", "provider=" + routeId,
                "/", callback.baseUrl(), secrets);
    }

    /** Completing a pending sign-up with its sealed token. */
    static LoginAttempt signup(FailureLog failures, String signupToken, URI baseUrl) {
        return new LoginAttempt(failures, "signup", "auth:/accounts/signup/", "", "/", baseUrl,
                new HashSet<>(List.of(String.valueOf(signupToken))));
    }

    /** Following an email-confirmation link. */
    static LoginAttempt confirmation(FailureLog failures, String token) {
        return new LoginAttempt(failures, "confirm-email", "auth:/accounts/confirm-email/", "", "/", null,
                new HashSet<>(List.of(String.valueOf(token))));
    }

    /** Signing out: the sign-in session being ended, and where to go afterwards. */
    static LoginAttempt logout(FailureLog failures, String next, URI baseUrl) {
        return new LoginAttempt(failures, "logout", "auth:/accounts/logout/", "", next, baseUrl, new HashSet<>());
    }

    /** The IdP sending the browser back after its logout: the sealed cookie and state are what it carries. */
    static LoginAttempt logoutCallback(FailureLog failures, Collection<String> carried) {
        return new LoginAttempt(failures, "logout", "auth:/accounts/logout/callback/", "", "/", null,
                new HashSet<>(carried.stream().filter(v -> v != null && v.length() >= 8).toList()));
    }

    /** An IdP's back-channel logout on a provider route; the logout token is kept out of the records. */
    static LoginAttempt backChannel(FailureLog failures, String routeId, Collection<String> carried) {
        return new LoginAttempt(failures, routeId, "auth:/accounts/" + routeId + "/backchannel-logout/", "provider=" + routeId,
                "/", null, new HashSet<>(carried.stream().filter(v -> v != null && v.length() >= 8).toList()));
    }

    /** A host asking for a user's access token at a provider. */
    static LoginAttempt accessToken(FailureLog failures, String userId, String provider, URI baseUrl) {
        return new LoginAttempt(failures, provider, "auth:token:" + provider, "provider=" + provider + " user=" + userId, "/",
                baseUrl, new HashSet<>());
    }

    /** This attempt, going to {@code newNext} afterwards (made safe). */
    LoginAttempt continuingTo(String newNext) {
        return new LoginAttempt(failures, label, path, data, newNext, baseUrl, secrets);
    }

    /** This attempt, its refusals saying {@code newData} (e.g. {@code provider=github uid=42}). */
    LoginAttempt about(String newData) {
        return new LoginAttempt(failures, label, path, newData, next, baseUrl, secrets);
    }

    /** This attempt, its refusals saying more than its data, e.g. {@code setting=SCOPE} after {@code provider=github}. */
    LoginAttempt alsoAbout(String moreData) {
        return about(data.isEmpty() ? moreData : data + " " + moreData);
    }

    /** Adds values that no record of this attempt may show; null and blank ones are ignored. */
    void scrub(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                secrets.add(value);
            }
        }
    }

    String path() {
        return path;
    }

    String next() {
        return next;
    }

    /** The public base URL of the request (for links in mail); null for a confirmation link. */
    URI baseUrl() {
        return baseUrl;
    }

    /** Records the refusal and returns it as the outcome. */
    LoginOutcome.Failed refuse(FailureCode code, String info) {
        return failures.refuse(code, info, data, path, next, secrets);
    }

    /** Records something the admin should know that did not stop this attempt (a failed listener, a failed mail). */
    void note(String kind, String info, String detail) {
        failures.record(kind, info, detail, path, secrets);
    }

    /**
     * Runs a step, turning what it throws into the failure it means: a provider's typed failure, an invalid app
     * setting (naming it), an invalid login setting, a store that cannot be reached (a retry may work; nothing was
     * stored), or else an internal error (logged, scrubbed).
     */
    LoginOutcome guard(Step<LoginOutcome> step) {
        return guard(step, failed -> failed);
    }

    /** {@link #guard(Step)} for a step with another kind of outcome; {@code asFailure} turns a refusal into it. */
    <T> T guard(Step<T> step, Function<LoginOutcome.Failed, T> asFailure) {
        try {
            return step.run();
        } catch (ProviderException e) {
            return asFailure.apply(refuse(e.code(), e.getMessage()));
        } catch (InvalidProviderSettingException e) {
            return asFailure.apply(alsoAbout("setting=" + e.key())
                    .refuse(FailureCode.APP_NOT_CONFIGURED, "A social application setting is invalid: " + e.getMessage()));
        } catch (InvalidSettingException e) {
            return asFailure.apply(refuse(FailureCode.SETTINGS_INVALID, "A login setting is invalid: " + e.getMessage()));
        } catch (StoreUnavailableException e) {
            return asFailure.apply(refuse(FailureCode.STORE_UNAVAILABLE, "The store could not be reached: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("SSO {} failed unexpectedly at {}: {}", label, path, FailureLog.scrub(e.toString(), secrets));
            return asFailure.apply(about("provider=" + label)
                    .refuse(FailureCode.INTERNAL_ERROR, "Unexpected " + e.getClass().getName() + ": " + e.getMessage()));
        }
    }
}
