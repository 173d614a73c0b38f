package io.gatehouse.sso.core;

/**
 * Runs after a successful login, before the host signs the user in (group sync is one). A listener
 * that throws is logged to the error log; the login still succeeds, so a listener must be fail-safe
 * about its own work (change everything or nothing).
 *
 * <pre>{@code
 * LoginListener audit = event -> log.info("user {} signed in with {}", event.user().id(), event.providerId());
 * }</pre>
 */
@FunctionalInterface
public interface LoginListener {
    void onLogin(LoginEvent event);
}
