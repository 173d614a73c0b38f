/**
 * Gatehouse's login flow, independent of any web framework: {@link io.gatehouse.sso.core.LoginEngine} begins a
 * login, completes the identity provider's callback and the follow-ups (pending sign-up, email confirmation,
 * disconnect), and answers each step with a {@link io.gatehouse.sso.core.LoginOutcome}; a refusal carries a
 * stable {@link io.gatehouse.sso.core.FailureCode} and an error-log record. Adapters such as {@code sso-servlet}
 * translate HTTP to these calls.
 *
 * <pre>{@code
 * LoginEngine engine = LoginEngine.builder(config)
 *         .apps(apps).accounts(accounts).users(users).settings(settings).errorLog(errorLog)
 *         .build();
 * LoginOutcome start = engine.beginLogin("github", new LoginRequest(AuthProcess.LOGIN, "/", baseUrl, null, null));
 * }</pre>
 *
 * <p>The public types of this package are API. Its package-private classes (the steps of the flow: the login
 * attempt, the callback checks, account resolution, sign-up completion, email confirmation) are internal: not
 * public API, may change without notice.
 */
package io.gatehouse.sso.core;
