package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.PersistenceException;

import java.util.Set;
import java.util.TreeSet;

/**
 * Stored values are encrypted under key ids the {@link SecretKeyRing} does not have. Thrown by
 * {@link JdbcStores#create} when such values exist, and when one is read later (another node wrote it with
 * a newer key). Names the key ids, never a value.
 */
public class UnknownSecretKeyException extends PersistenceException {
    /** The key ids the ring lacks. */
    private final Set<String> keyIds;

    /**
     * Stored values under key ids the ring lacks.
     *
     * @param keyIds the missing key ids
     */
    public UnknownSecretKeyException(Set<String> keyIds) {
        super("the database holds values encrypted under secret key id(s) " + new TreeSet<>(keyIds)
                + " that the configured SecretKeyRing does not have; add the key(s) to the ring"
                + " (as older keys, to read them) and restart");
        this.keyIds = Set.copyOf(keyIds);
    }

    /**
     * The ids of the missing keys.
     *
     * @return the key ids, never a key
     */
    public Set<String> keyIds() {
        return keyIds;
    }
}
