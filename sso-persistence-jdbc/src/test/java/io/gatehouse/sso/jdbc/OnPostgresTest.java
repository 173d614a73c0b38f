package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.fixtures.PostgresDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/** The database suite on a real PostgreSQL (see PostgresDatabases), each test on a fresh schema. */
class OnPostgresTest extends DatabaseSuite {

    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    @Override
    protected DataSource freshDatabase() {
        return PG.fresh();
    }
}
