package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

/**
 * The database was migrated by a newer Gatehouse than this one: running on it could corrupt data, so
 * {@link JdbcStores#create} refuses to start. Upgrade this application, or point it at another database.
 */
public class SchemaVersionTooNewException extends PersistenceException {
    private final int databaseVersion;
    private final int supportedVersion;

    public SchemaVersionTooNewException(int databaseVersion, int supportedVersion) {
        super("the database schema is at version " + databaseVersion + " but this version of Gatehouse knows"
                + " versions up to " + supportedVersion + "; upgrade Gatehouse (sso-persistence-jdbc)");
        this.databaseVersion = databaseVersion;
        this.supportedVersion = supportedVersion;
    }

    public int databaseVersion() {
        return databaseVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}
