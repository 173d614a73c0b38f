package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A link from an IdP identity {@code (provider, uid)} to a local user.
 *
 * @param userId     the local user's id
 * @param provider   provider route id (e.g. {@code github}, or an {@code openid_connect} instance id)
 * @param uid        the IdP's stable, immutable subject id (never a mutable name or email)
 * @param extraData  the IdP's raw claims at the last login (JSON object)
 * @param lastLogin  time of the last successful login through this link
 * @param dateJoined time the link was made
 */
public record SocialAccount(String userId, String provider, String uid, Map<String, Object> extraData,
                            Instant lastLogin, Instant dateJoined) {

    /**
     * Requires {@code userId}, {@code provider} and {@code uid}; copies {@code extraData} (immutable, {@code null} is
     * empty).
     *
     * @param userId the local user's id
     * @param provider provider route id (e.g. {@code github}, or an {@code openid_connect} instance id)
     * @param uid the IdP's stable, immutable subject id (never a mutable name or email)
     * @param extraData the IdP's raw claims at the last login (JSON object)
     * @param lastLogin time of the last successful login through this link
     * @param dateJoined time the link was made
     */
    public SocialAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uid, "uid");
        extraData = Frozen.map(extraData);
    }
}
