package io.gatehouse.sso.jdbc;

import javax.sql.DataSource;

/** The database suite on embedded H2, each test on a fresh in-memory database. */
class OnH2Test extends DatabaseSuite {

    @Override
    protected DataSource freshDatabase() {
        return H2Databases.fresh();
    }
}
