package io.gatehouse.sso.security;

import io.gatehouse.sso.spi.Group;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.testkit.InMemoryIdentityStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an {@link InMemoryIdentityStore} holds: users, their links (with last-login times), the
 * links' tokens, groups and memberships. Two equal snapshots mean nothing was persisted in between.
 * The store numbers users 1, 2, 3... and never deletes one, so reading ids until the first gap finds them all.
 */
record StoreSnapshot(List<User> users, Map<String, List<SocialAccount>> links, Map<String, Optional<SocialToken>> tokens,
                     List<Group> groups, Map<String, Set<String>> memberships) {

    static StoreSnapshot of(InMemoryIdentityStore store) {
        List<User> users = new ArrayList<>();
        for (int id = 1; ; id++) {
            Optional<User> user = store.findById(Integer.toString(id));
            if (user.isEmpty()) {
                break;
            }
            users.add(user.get());
        }
        Map<String, List<SocialAccount>> links = new LinkedHashMap<>();
        Map<String, Optional<SocialToken>> tokens = new LinkedHashMap<>();
        Map<String, Set<String>> memberships = new LinkedHashMap<>();
        for (User u : users) {
            List<SocialAccount> accounts = store.findByUser(u.id());
            links.put(u.id(), accounts);
            accounts.forEach(a -> tokens.put(a.provider() + "/" + a.uid(), store.findToken(a.provider(), a.uid())));
            memberships.put(u.id(), store.groupNamesOf(u.id()));
        }
        return new StoreSnapshot(users, links, tokens, store.listGroups(), memberships);
    }

    int userCount() {
        return users.size();
    }

    int linkCount() {
        return links.values().stream().mapToInt(List::size).sum();
    }
}
