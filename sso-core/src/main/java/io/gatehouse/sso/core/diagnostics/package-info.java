/**
 * Checks of one social application against its IdP, for an admin who wants to know why sign-ins fail before a
 * user tries: the callback URL to register, unknown setting keys, discovery, signing keys, whether the IdP
 * accepts the client secret, and the groups claim of the newest sign-in. {@link
 * io.gatehouse.sso.core.diagnostics.AppDiagnostics} runs them and returns a {@link
 * io.gatehouse.sso.core.diagnostics.Diagnosis}; each check is one {@link io.gatehouse.sso.core.diagnostics.CheckResult}
 * whose texts are translated {@link io.gatehouse.sso.core.i18n.Message}s.
 *
 * <pre>{@code
 * Diagnosis d = new AppDiagnostics(config, registry, apps, accounts, settings, Clock.systemUTC())
 *         .diagnose(app, URI.create("https://sso.example.com"));
 * if (d.overall() == CheckStatus.FAIL) { ... }
 * }</pre>
 */
package io.gatehouse.sso.core.diagnostics;
