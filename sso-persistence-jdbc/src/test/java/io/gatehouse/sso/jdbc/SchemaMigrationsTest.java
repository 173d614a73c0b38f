package io.gatehouse.sso.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigrationsTest {

    @Test
    void statementsSplitAtSemicolonsEndingALineAndSkipComments() {
        assertThat(SchemaMigrations.statements("-- a comment; not a statement\nCREATE TABLE a (\n  x INT\n);\n\n"
                + "CREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void everyShippedScriptLoadsWithItsVersionAndAChecksum() {
        SchemaMigrations.Script v1 = SchemaMigrations.load("V1__init.sql");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.description()).isEqualTo("init");
        assertThat(v1.checksum()).hasSize(64);
        assertThat(SchemaMigrations.statements(v1.sql())).hasSizeGreaterThan(10);
        SchemaMigrations.Script v2 = SchemaMigrations.load("V2__single_use_values.sql");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.description()).isEqualTo("single_use_values");
        assertThat(v2.checksum()).hasSize(64);
        assertThat(SchemaMigrations.statements(v2.sql())).hasSize(4);
        SchemaMigrations.Script v3 = SchemaMigrations.load("V3__sessions.sql");
        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.description()).isEqualTo("sessions");
        assertThat(SchemaMigrations.statements(v3.sql())).hasSize(4);
        SchemaMigrations.Script v5 = SchemaMigrations.load("V5__error_log_counts_and_token_scopes.sql");
        assertThat(v5.version()).isEqualTo(5);
        assertThat(SchemaMigrations.statements(v5.sql())).hasSize(9);
        assertThat(SchemaMigrations.latestVersion()).isEqualTo(5);
    }

    @Test
    void aScriptNotInTheJarOrBadlyNamedIsAnError() {
        assertThatThrownBy(() -> SchemaMigrations.load("V9__missing.sql")).hasMessageContaining("missing");
        assertThatThrownBy(() -> SchemaMigrations.load("init.sql")).hasMessageContaining("V<n>__");
    }
}
