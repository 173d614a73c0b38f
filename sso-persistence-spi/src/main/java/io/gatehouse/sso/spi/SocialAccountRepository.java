package io.gatehouse.sso.spi;

import java.util.List;
import java.util.Optional;

/**
 * Links from IdP identities {@code (provider, uid)} to local users, with their tokens. An identity is
 * linked to at most one user. Creating a user together with its first link is
 * {@link UserDirectory#register}, so that it is atomic.
 *
 * <pre>{@code
 * Optional<SocialAccount> known = accounts.find("github", "583231");
 * known.ifPresent(a -> accounts.recordLogin(new IdentitySignIn("github", "583231", claims, token, now)));
 * }</pre>
 */
public interface SocialAccountRepository {

    Optional<SocialAccount> find(String provider, String uid);

    /** The user's links, ordered by provider, then uid. */
    List<SocialAccount> findByUser(String userId);

    /**
     * Links an identity that just signed in to an existing user (the "connect" process). Linking an identity
     * the same user already has just updates it, as {@link #recordLogin} does.
     *
     * @throws IdentityLinkedElsewhereException when another user has the identity
     */
    SocialAccount link(String userId, IdentitySignIn signIn);

    /**
     * Records a login of a linked identity: replaces extra data, sets last login and stores the token
     * merged over the stored one ({@link SocialToken#mergedOver}); a {@code null} token keeps the stored one.
     *
     * @return the updated link, or empty when the identity is not linked
     */
    Optional<SocialAccount> recordLogin(IdentitySignIn signIn);

    /** The stored token of an identity, if any. */
    Optional<SocialToken> findToken(String provider, String uid);

    /**
     * Links for an admin's search: those whose provider or uid, or whose user's username or email, contains
     * {@code text} ignoring case (every link for blank text), ordered by provider, then uid.
     */
    List<SocialAccount> search(String text, int offset, int limit);

    /** Forgets an identity's stored token (the link stays); false when none was stored. */
    boolean deleteToken(String provider, String uid);

    /**
     * Compare-and-set of an identity's token, atomic on every node sharing the store: when the stored token
     * equals {@code expected} ({@code null}: none is stored), it becomes {@code replacement} exactly as given
     * ({@code null} removes it); otherwise nothing changes. A token refresh stores its result this way, so a
     * token that a sign-in or another node's refresh wrote meanwhile is never overwritten.
     *
     * <pre>{@code
     * if (!accounts.replaceToken("keycloak", sub, read, refreshed.mergedOver(read))) {
     *     // someone else changed it first; read it again
     * }
     * }</pre>
     *
     * @return true when the token was replaced; false when the identity is not linked or its token differed
     */
    boolean replaceToken(String provider, String uid, SocialToken expected, SocialToken replacement);

    /** Removes a link of this user, with its token; false when the user had no such link. */
    boolean unlink(String userId, String provider, String uid);
}
