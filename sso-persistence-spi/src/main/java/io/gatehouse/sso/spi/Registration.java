package io.gatehouse.sso.spi;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a first SSO login creates, handed to {@link UserDirectory#register} as one unit so a
 * store can create the user, link the identity, store its token and add its groups in one transaction.
 *
 * <pre>{@code
 * Registration r = new Registration(draft, new IdentitySignIn("keycloak", "0f1e...", claims, token, now),
 *         Set.of("staff"));
 * RegistrationResult result = users.register(r);
 * }</pre>
 *
 * @param user   the user to create
 * @param signIn the identity that signed in: linked to the new user with its token; its time is the date
 *               joined and the last login
 * @param groups names of groups to add the new user to (created when missing)
 */
public record Registration(UserDraft user, IdentitySignIn signIn, Set<String> groups) {

    /**
     * Requires {@code user} and {@code signIn}; copies {@code groups} (sorted, immutable, {@code null} is empty).
     *
     * @param user the user to create
     * @param signIn the identity that signed in: linked to the new user with its token; its time is the date joined and the last login
     * @param groups names of groups to add the new user to (created when missing)
     */
    public Registration {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(signIn, "signIn");
        groups = groups == null ? Set.of() : Set.copyOf(new TreeSet<>(groups));
    }
}
