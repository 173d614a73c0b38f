package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

/**
 * The database was migrated by a newer Gatehouse than this one: running on it could corrupt data, so
 * {@link JdbcStores#create} refuses to start. Upgrade this application, or point it at another database.
 */
public class SchemaVersionTooNewException extends PersistenceException {
    /** The schema version found in the database. */
    private final int databaseVersion;
    /** The newest schema version this Gatehouse knows. */
    private final int supportedVersion;

    /**
     * A database at a newer schema version than this release knows.
     *
     * @param databaseVersion the version found in the database
     * @param supportedVersion the newest version this release knows
     */
    public SchemaVersionTooNewException(int databaseVersion, int supportedVersion) {
        super("the database schema is at version " + databaseVersion + " but this version of Gatehouse knows"
                + " versions up to " + supportedVersion + "; upgrade Gatehouse (sso-persistence-jdbc)");
        this.databaseVersion = databaseVersion;
        this.supportedVersion = supportedVersion;
    }

    /**
     * The schema version found in the database, written by a newer Gatehouse.
     *
     * @return the database's version
     */
    public int databaseVersion() {
        return databaseVersion;
    }

    /**
     * The newest schema version this Gatehouse release knows.
     *
     * @return the supported version
     */
    public int supportedVersion() {
        return supportedVersion;
    }
}
