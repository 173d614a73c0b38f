package io.gatehouse.sso.spi;

/**
 * What {@link UserDirectory#register} did.
 *
 * @param user    the user now linked to the identity
 * @param account the link
 * @param created true when this call created them; false when a concurrent login had already
 *                linked the identity, in which case nothing was created and the winner is returned
 */
public record RegistrationResult(User user, SocialAccount account, boolean created) {
}
