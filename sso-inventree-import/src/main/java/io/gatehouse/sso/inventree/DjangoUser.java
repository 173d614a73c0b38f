package io.gatehouse.sso.inventree;

import io.gatehouse.sso.spi.UserDraft;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row of Django's {@code auth_user}, with the names of its groups ({@code auth_user_groups}, {@code auth_group}).
 *
 * @param id        the row's id
 * @param username  the username (unique in Django)
 * @param email     the email, may be empty
 * @param firstName the first name
 * @param lastName  the last name
 * @param active    Django's {@code is_active}
 * @param groups    the names of its groups
 */
record DjangoUser(long id, String username, String email, String firstName, String lastName, boolean active,
                  Set<String> groups) {

    DjangoUser {
        Objects.requireNonNull(username, "username");
        groups = Set.copyOf(new TreeSet<>(groups));
    }

    /** The user as Gatehouse creates it. */
    UserDraft draft() {
        return new UserDraft(username, email, firstName, lastName, active);
    }

    /** How the report names it. */
    String label() {
        return "user '" + username + "' (auth_user " + id + ")";
    }
}
