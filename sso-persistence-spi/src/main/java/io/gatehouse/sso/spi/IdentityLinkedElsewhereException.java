package io.gatehouse.sso.spi;

/** The identity {@code (provider, uid)} is already linked to another local user. */
public class IdentityLinkedElsewhereException extends PersistenceException {
    /** The provider id of the identity. */
    private final String provider;
    /** The identity's id at the provider. */
    private final String uid;

    /**
     * An exception naming the identity.
     *
     * @param provider the provider id, e.g. {@code github}
     * @param uid the identity's id at that provider
     */
    public IdentityLinkedElsewhereException(String provider, String uid) {
        super("identity " + provider + "/" + uid + " is already linked to another user");
        this.provider = provider;
        this.uid = uid;
    }

    /**
     * The provider id of the identity that is linked elsewhere.
     *
     * @return the provider id, e.g. {@code github}
     */
    public String provider() {
        return provider;
    }

    /**
     * The identity's id at the provider, to name it in the error log.
     *
     * @return the provider's user id (the {@code sub} claim for OpenID Connect)
     */
    public String uid() {
        return uid;
    }
}
