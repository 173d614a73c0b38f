/**
 * Gatehouse in Spring Boot Actuator: the {@code gatehouse} health indicator (settings database, each OpenID
 * Connect IdP's discovery document, the SMTP server) and Micrometer meters for sign-ins, callback durations
 * and group changes ({@link io.gatehouse.sso.spring.actuate.GatehouseMetrics}). Configured automatically when
 * Actuator and Micrometer are on the class path. The package-private classes are internal: not public API, may
 * change without notice.
 *
 * <pre>{@code
 * {"status": "UP", "details": {"database": "UP", "identityProviders": {"corp": "UP"}, "mail": "UP"}}
 * }</pre>
 */
package io.gatehouse.sso.spring.actuate;
