package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

/**
 * A stored value did not decrypt with the key its id names: the key configured under that id is not the
 * one the value was written with, or the value was altered or copied from another row. Names the key id
 * and where the value is, never the value.
 */
public class SecretDecryptionException extends PersistenceException {
    /** The key id the value names. */
    private final String keyId;
    /** Where the value is stored. */
    private final String location;

    /**
     * A stored value that does not decrypt with the key of its id.
     *
     * @param keyId the key id the value names
     * @param location table, column and row of the value
     */
    public SecretDecryptionException(String keyId, String location) {
        super("the value in " + location + " does not decrypt with secret key id '" + keyId
                + "': the key configured under that id is wrong, or the stored value was altered or moved");
        this.keyId = keyId;
        this.location = location;
    }

    /**
     * The key id the stored value names; the key configured under it is not the one it was written with.
     *
     * @return the key id
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Table, column and row of the value, e.g. {@code sso_social_app.secret_sealed (id=3)}.
     *
     * @return e.g. {@code sso_social_app.secret_sealed (id=3)}
     */
    public String location() {
        return location;
    }
}
