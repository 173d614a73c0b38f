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
    /**
     * Called once per successful sign-in or connect, after the account is stored and before the user is redirected. A
     * listener that throws is recorded in the error log ({@code sso.listener_failed}) and the sign-in goes ahead.
     *
     * @param event the user, the provider's profile and the app's settings
     */
    void onLogin(LoginEvent event);
}
