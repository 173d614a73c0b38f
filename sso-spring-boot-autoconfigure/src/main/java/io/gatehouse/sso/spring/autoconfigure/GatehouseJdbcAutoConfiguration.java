package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.config.ConfigException;
import io.gatehouse.sso.core.config.ConfigValues;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretDecryptionException;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.jdbc.UnknownSecretKeyException;
import io.gatehouse.sso.spi.ErrorLog;
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SessionRegistry;
import io.gatehouse.sso.spi.SettingsSource;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Every Gatehouse store on the application's {@code DataSource} ({@link JdbcStores}): schema migrations at
 * start-up unless {@code gatehouse.jdbc.migrate=false}, client secrets and tokens encrypted with the key ring
 * of {@code gatehouse.secret-keys}. Each store is its own bean, so an application can replace one (say, its
 * own {@link UserDirectory}) and keep the others. The sign-in sessions ({@link SessionRegistry}) and the
 * single-use values (used callback states, logout tokens' {@code jti}, refresh claims) are in the database too, so a
 * back-channel logout received by one node ends a session held by another, and a replay is refused on every node.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, GatehouseAutoConfiguration.class})
@ConditionalOnClass(JdbcStores.class)
@ConditionalOnBean(DataSource.class)
public class GatehouseJdbcAutoConfiguration {

    /**
     * The key ring for client secrets and tokens, from {@code gatehouse.secret-keys} or {@code <prefix>SECRET_KEYS},
     * unless the application defines one.
     *
     * @param config the start-up configuration
     * @return the key ring
     * @throws io.gatehouse.sso.core.config.ConfigException when no key is configured or one is malformed
     */
    @Bean
    @ConditionalOnMissingBean
    public SecretKeyRing gatehouseSecretKeyRing(GatehouseConfig config) {
        ConfigValues values = config.values();
        String spec = values.string(EnvironmentConfigValues.SECRET_KEYS).orElseThrow(() -> new ConfigException(
                EnvironmentConfigValues.SECRET_KEYS.fileKey(), "No key encrypts Gatehouse's client secrets and tokens in the "
                + "database: set gatehouse.secret-keys (or the environment variable "
                + EnvironmentConfigValues.SECRET_KEYS.envName(values.prefix()) + ") to id:base64Key"));
        try {
            return SecretKeyRing.parse(spec);
        } catch (IllegalArgumentException e) {
            // the ring's messages never quote a key
            throw new ConfigException(EnvironmentConfigValues.SECRET_KEYS.fileKey(),
                    values.sourceOf(EnvironmentConfigValues.SECRET_KEYS) + ": " + e.getMessage());
        }
    }

    /**
     * The JDBC stores on the application's data source, migrated at start-up unless turned off, unless the application
     * defines them.
     *
     * @param dataSource the application's data source
     * @param keys the key ring
     * @param properties the {@code gatehouse.*} properties (whether to migrate)
     * @return the stores
     * @throws io.gatehouse.sso.core.config.ConfigException when the key ring cannot read the values stored
     */
    @Bean
    @ConditionalOnMissingBean
    public JdbcStores gatehouseJdbcStores(DataSource dataSource, SecretKeyRing keys, GatehouseProperties properties) {
        try {
            return properties.jdbc().migrate() ? JdbcStores.create(dataSource, keys) : JdbcStores.withoutMigrations(dataSource, keys);
        } catch (UnknownSecretKeyException | SecretDecryptionException e) {
            throw new ConfigException(EnvironmentConfigValues.SECRET_KEYS.fileKey(), e.getMessage(), e);
        }
    }

    /**
     * The social applications of the JDBC store, unless the application defines its own.
     *
     * @param stores the JDBC stores
     * @return the repository
     */
    @Bean
    @ConditionalOnMissingBean
    public SocialAppRepository gatehouseSocialApps(JdbcStores stores) {
        return stores.socialApps();
    }

    /**
     * The identity links of the JDBC store, unless the application defines its own.
     *
     * @param stores the JDBC stores
     * @return the repository
     */
    @Bean
    @ConditionalOnMissingBean
    public SocialAccountRepository gatehouseSocialAccounts(JdbcStores stores) {
        return stores.socialAccounts();
    }

    /**
     * The users of the JDBC store, unless the application defines its own directory.
     *
     * @param stores the JDBC stores
     * @return the directory
     */
    @Bean
    @ConditionalOnMissingBean
    public UserDirectory gatehouseUsers(JdbcStores stores) {
        return stores.users();
    }

    /**
     * The groups of the JDBC store, unless the application defines its own.
     *
     * @param stores the JDBC stores
     * @return the group store
     */
    @Bean
    @ConditionalOnMissingBean
    public GroupStore gatehouseGroups(JdbcStores stores) {
        return stores.groups();
    }

    /**
     * Typed as the store (an admin screen writes it); an application's own {@link SettingsSource} replaces it.
     *
     * @param stores the JDBC stores
     * @return the settings store
     */
    @Bean
    @ConditionalOnMissingBean(SettingsSource.class)
    public io.gatehouse.sso.spi.SettingsStore gatehouseSettings(JdbcStores stores) {
        return stores.settings();
    }

    /**
     * The error log of the JDBC store, unless the application defines its own.
     *
     * @param stores the JDBC stores
     * @return the error log
     */
    @Bean
    @ConditionalOnMissingBean
    public SessionRegistry gatehouseSessionRegistry(JdbcStores stores) {
        return stores.sessions();
    }

    /**
     * The replay store on the application's database: a callback, form or link works once on every node.
     *
     * @param stores the JDBC stores
     * @return the stores' single-use values
     */
    @Bean
    @ConditionalOnMissingBean
    public SingleUseValues gatehouseSingleUseValues(JdbcStores stores) {
        return stores.singleUseValues();
    }

    /**
     * The error log on the application's database.
     *
     * @param stores the JDBC stores
     * @return the stores' error log
     */
    @Bean
    @ConditionalOnMissingBean
    public ErrorLog gatehouseErrorLog(JdbcStores stores) {
        return stores.errorLog();
    }
}
