/**
 * Gatehouse inside Spring Security: the DSL that opens the {@code /accounts/**} routes on a
 * {@code SecurityFilterChain} and hands the chain's session handling to Gatehouse's sign-in
 * ({@link io.gatehouse.sso.spring.security.Gatehouse#dsl()}), the principal of a signed-in user
 * ({@link io.gatehouse.sso.spring.security.GatehouseUser}) and the authorities from synced groups.
 * The package-private classes are internal: not public API, may change without notice.
 *
 * <pre>{@code
 * @GetMapping("/me")
 * String me(@AuthenticationPrincipal GatehouseUser user) { return user.username(); }
 * }</pre>
 */
package io.gatehouse.sso.spring.security;
