package io.gatehouse.sso.inventree;

import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.User;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What importing one Django user takes, decided before anything is written so that a user with a row that cannot
 * be imported is left out entirely.
 *
 * @param user      the Django user
 * @param existing  the Gatehouse user it already is (linked by one of its identities, or the same username and
 *                  email), or empty to create it
 * @param toLink    its identities Gatehouse does not have yet, with their extra data and tokens
 * @param newGroups the groups it is not in yet in Gatehouse
 * @param problems  why it cannot be imported; empty when it can
 */
record UserPlan(DjangoUser user, Optional<User> existing, List<IdentitySignIn> toLink, Set<String> newGroups,
                List<String> problems) {

    UserPlan {
        toLink = List.copyOf(toLink);
        newGroups = Set.copyOf(newGroups);
        problems = List.copyOf(problems);
    }

    static UserPlan refused(DjangoUser user, List<String> problems) {
        return new UserPlan(user, Optional.empty(), List.of(), Set.of(), problems);
    }

    boolean unchanged() {
        return problems.isEmpty() && existing.isPresent() && toLink.isEmpty() && newGroups.isEmpty();
    }

    /** What will be written, for the report: the identities and the groups. */
    String describe() {
        List<String> ids = toLink.stream().map(s -> s.provider() + " uid " + s.uid() + (s.token() == null ? "" : " with token"))
                .toList();
        String what = (ids.isEmpty() ? "" : "identities " + String.join(", ", ids))
                + (newGroups.isEmpty() ? "" : (ids.isEmpty() ? "" : "; ") + "groups " + new java.util.TreeSet<>(newGroups));
        return existing.map(u -> "to Gatehouse user '" + u.username() + "' (id " + u.id() + "): ").orElse("") + what;
    }
}
