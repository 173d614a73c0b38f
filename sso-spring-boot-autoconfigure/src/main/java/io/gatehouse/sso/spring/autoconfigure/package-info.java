/**
 * Gatehouse's Spring Boot auto-configuration, applied by adding {@code sso-spring-boot-starter}: the start-up
 * configuration from Spring's {@code Environment} ({@link io.gatehouse.sso.spring.autoconfigure.GatehouseProperties},
 * the {@code gatehouse.*} properties), the JDBC stores on the application's {@code DataSource}, mail, group sync,
 * the login engine and the servlet routes. Every bean backs off when the application defines its own.
 * The package-private classes are internal: not public API, may change without notice.
 *
 * <pre>{@code
 * gatehouse:
 *   social_backends: [keycloak]
 * }</pre>
 */
package io.gatehouse.sso.spring.autoconfigure;
