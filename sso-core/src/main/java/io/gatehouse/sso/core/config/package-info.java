/**
 * Start-up configuration: {@link io.gatehouse.sso.core.config.ConfigValues} merges the environment (with a
 * prefix such as {@code SSO_} or {@code INVENTREE_}), an optional YAML or JSON file and the host's own map;
 * {@link io.gatehouse.sso.core.config.GatehouseConfig} reads and validates them once, as a whole, and fails
 * start-up with a {@link io.gatehouse.sso.core.config.ConfigException} naming the offending key.
 *
 * <pre>{@code
 * GatehouseConfig config = GatehouseConfig.read(ConfigValues.of("SSO_", System.getenv(), Path.of("gatehouse.yaml"), Map.of()));
 * }</pre>
 */
package io.gatehouse.sso.core.config;
