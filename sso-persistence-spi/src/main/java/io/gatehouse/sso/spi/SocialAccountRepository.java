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

    /**
     * The link of an identity to a local user.
     *
     * @param provider the provider id, e.g. {@code github}
     * @param uid the identity's id at that provider
     * @return the link, or empty when the identity is not linked
     */
    Optional<SocialAccount> find(String provider, String uid);

    /**
     * The user's links, ordered by provider, then uid.
     *
     * @param userId the local user id
     * @return the user's links; empty for a user without any
     */
    List<SocialAccount> findByUser(String userId);

    /**
     * Links an identity that just signed in to an existing user (the "connect" process). Linking an identity
     * the same user already has just updates it, as {@link #recordLogin} does.
     *
     * @param userId the local user to link the identity to
     * @param signIn the identity, its extra data and token
     * @throws IdentityLinkedElsewhereException when another user has the identity
     * @return the stored link
     */
    SocialAccount link(String userId, IdentitySignIn signIn);

    /**
     * Records a login of a linked identity: replaces extra data, sets last login and stores the token
     * merged over the stored one ({@link SocialToken#mergedOver}); a {@code null} token keeps the stored one.
     *
     * @param signIn the identity, its extra data and the new token (or {@code null})
     * @return the updated link, or empty when the identity is not linked
     */
    Optional<SocialAccount> recordLogin(IdentitySignIn signIn);

    /**
     * The stored token of an identity, if any.
     *
     * @param provider the provider id
     * @param uid the identity's id at that provider
     * @return the token, or empty when the identity is unknown or has none stored
     */
    Optional<SocialToken> findToken(String provider, String uid);

    /**
     * Links for an admin's search: those whose provider or uid, or whose user's username or email, contains
     * {@code text} ignoring case (every link for blank text), ordered by provider, then uid.
     *
     * @param text what to look for; blank matches every link
     * @param offset how many matching links to skip; 0 for the first page
     * @param limit the most links to return
     * @return at most {@code limit} links
     */
    List<SocialAccount> search(String text, int offset, int limit);

    /**
     * Forgets an identity's stored token (the link stays); false when none was stored.
     *
     * @param provider the provider id
     * @param uid the identity's id at that provider
     * @return true when a token was deleted
     */
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
     * @param provider the provider id
     * @param uid the identity's id at that provider
     * @param expected the token the caller read earlier, or {@code null} for none
     * @param replacement the token to store, or {@code null} to remove it
     * @return true when the token was replaced; false when the identity is not linked or its token differed
     */
    boolean replaceToken(String provider, String uid, SocialToken expected, SocialToken replacement);

    /**
     * Removes a link of this user, with its token; false when the user had no such link.
     *
     * @param userId the local user the link must belong to
     * @param provider the provider id
     * @param uid the identity's id at that provider
     * @return true when the link was removed
     */
    boolean unlink(String userId, String provider, String uid);
}
