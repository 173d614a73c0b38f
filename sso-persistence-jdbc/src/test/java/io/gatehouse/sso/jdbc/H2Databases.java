package io.gatehouse.sso.jdbc;

import javax.sql.DataSource;
import java.util.UUID;

/** A fresh, empty in-memory H2 database per call. */
final class H2Databases {
    private H2Databases() {
    }

    static DataSource fresh() {
        return EmbeddedH2.inMemory("test-" + UUID.randomUUID());
    }
}
