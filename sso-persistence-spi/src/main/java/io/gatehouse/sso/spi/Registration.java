package io.gatehouse.sso.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a first SSO login creates, handed to {@link UserDirectory#register} as one unit so a
 * store can create the user, link the identity, store its token and add its groups in one transaction.
 *
 * <pre>{@code
 * Registration r = new Registration(draft, "keycloak", "0f1e...", claims, token, Set.of("staff"), now);
 * RegistrationResult result = users.register(r);
 * }</pre>
 *
 * @param user      the user to create
 * @param provider  provider route id
 * @param uid       the IdP's subject id
 * @param extraData raw claims
 * @param token     tokens to store with the link, or {@code null}
 * @param groups    names of groups to add the new user to (created when missing)
 * @param at        the login time (date joined and last login)
 */
public record Registration(UserDraft user, String provider, String uid, Map<String, Object> extraData,
                           SocialToken token, Set<String> groups, Instant at) {

    public Registration {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(at, "at");
        extraData = Frozen.map(extraData);
        groups = groups == null ? Set.of() : Set.copyOf(new TreeSet<>(groups));
    }
}
