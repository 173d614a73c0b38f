package io.gatehouse.sso.admin;

import io.gatehouse.sso.spi.User;

/**
 * Whether a user can sign in other than through a linked identity (a local password, say), so the admin pages
 * know when unlinking an identity would lock the user out. Only the host knows; the default, {@link #NONE},
 * assumes single sign-on is the only way in, so unlinking a user's last identity always asks the admin to confirm.
 *
 * <pre>{@code
 * OtherSignIn passwords = user -> hostUsers.hasUsablePassword(user.id());
 * }</pre>
 */
@FunctionalInterface
public interface OtherSignIn {

    /** No user has another way in. */
    OtherSignIn NONE = user -> false;

    /**
     * Whether this user could still sign in without their SSO identities (a password, say).
     *
     * @param user the user whose identity the admin is about to unlink
     * @return true when unlinking the last identity does not lock the user out
     */
    boolean available(User user);
}
