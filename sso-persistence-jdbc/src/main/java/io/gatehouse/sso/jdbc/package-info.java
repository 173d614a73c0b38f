/**
 * Every persistence SPI interface on plain JDBC, for H2 (embedded) and PostgreSQL:
 * {@link io.gatehouse.sso.jdbc.JdbcStores} migrates the schema at start-up and hands out the stores, which share
 * the host's {@link javax.sql.DataSource}; client secrets and tokens are encrypted at rest with the keys of a
 * {@link io.gatehouse.sso.jdbc.SecretKeyRing}. The package-private classes are internal: not public API, may
 * change without notice.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(EmbeddedH2.file(Path.of("data/gatehouse")),
 *         SecretKeyRing.of("k1", System.getenv("SSO_DB_KEY")));
 * }</pre>
 */
package io.gatehouse.sso.jdbc;
