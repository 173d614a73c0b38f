package io.gatehouse.sso.spi;

/** The identity {@code (provider, uid)} is already linked to another local user. */
public class IdentityLinkedElsewhereException extends PersistenceException {
    private final String provider;
    private final String uid;

    public IdentityLinkedElsewhereException(String provider, String uid) {
        super("identity " + provider + "/" + uid + " is already linked to another user");
        this.provider = provider;
        this.uid = uid;
    }

    public String provider() {
        return provider;
    }

    public String uid() {
        return uid;
    }
}
