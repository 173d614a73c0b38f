package io.gatehouse.sso.inventree;

import io.gatehouse.sso.spi.SocialToken;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of django-allauth's {@code socialaccount_socialaccount}, with its newest {@code socialaccount_socialtoken}.
 *
 * @param id         the row's id
 * @param userId     the Django user's id
 * @param provider   allauth's provider column: a provider id, or an {@code openid_connect} app's provider id
 * @param uid        the identity's id at the provider
 * @param lastLogin  the last login through it, or null
 * @param dateJoined when it was linked, or null
 * @param extraData  the extra_data column as stored (JSON text)
 * @param token      its token (access token, refresh token from {@code token_secret}, expiry), or null
 */
record SourceAccount(long id, long userId, String provider, String uid, Instant lastLogin, Instant dateJoined,
                     String extraData, SocialToken token) {

    SourceAccount {
        Objects.requireNonNull(provider, "provider");
        uid = uid == null ? "" : uid;
    }

    /** How the report names it: the row, the provider and the uid (never the token). */
    String label() {
        return "socialaccount " + id + " (" + provider + " uid " + uid + ")";
    }

    /** The time the import records for it: the last login, else when it was linked. */
    Instant seen(Instant fallback) {
        return lastLogin != null ? lastLogin : dateJoined != null ? dateJoined : fallback;
    }
}
