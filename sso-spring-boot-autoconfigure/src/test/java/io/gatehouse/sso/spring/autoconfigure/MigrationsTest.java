package io.gatehouse.sso.spring.autoconfigure;

import io.gatehouse.sso.core.LoginEngine;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Gatehouse migrates its schema at start-up unless the application runs the scripts with its own tool. */
class MigrationsTest {

    @Test
    void startUpMigratesTheSchema() {
        GatehouseContexts.web().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tableExists(context.getBean(DataSource.class), "SSO_SCHEMA_VERSION")).isTrue();
        });
    }

    @Test
    void withMigrationsOffTheApplicationsOwnSchemaIsUsedAsItIs() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DataSource own = new DriverManagerDataSource(url, "sa", "");
        // what the application's Flyway would run from classpath:io/gatehouse/sso/jdbc/migration: every script
        new ResourceDatabasePopulator(new ClassPathResource("io/gatehouse/sso/jdbc/migration/V1__init.sql"),
                new ClassPathResource("io/gatehouse/sso/jdbc/migration/V2__single_use_values.sql"),
                new ClassPathResource("io/gatehouse/sso/jdbc/migration/V3__sessions.sql")).execute(own);

        GatehouseContexts.web().withPropertyValues("spring.datasource.url=" + url, "gatehouse.jdbc.migrate=false").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LoginEngine.class);
            assertThat(tableExists(own, "SSO_SCHEMA_VERSION")).isFalse();
        });
    }

    @Test
    void withMigrationsOffAnEmptyDatabaseFailsStartUpInsteadOfTheFirstLogin() {
        GatehouseContexts.web().withPropertyValues("gatehouse.jdbc.migrate=false")
                .run(context -> assertThat(context).hasFailed());
    }

    private static boolean tableExists(DataSource dataSource, String table) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }
}
