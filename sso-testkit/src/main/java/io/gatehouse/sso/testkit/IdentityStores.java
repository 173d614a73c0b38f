package io.gatehouse.sso.testkit;

import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.UserDirectory;

/**
 * The three SPI interfaces that share users, handed together to the contract suites
 * (registration spans all three).
 *
 * <pre>{@code
 * InMemoryIdentityStore s = new InMemoryIdentityStore();
 * IdentityStores stores = new IdentityStores(s, s, s);
 * }</pre>
 *
 * @param users    the users
 * @param accounts the identity links, sharing the users' data
 * @param groups   the groups and memberships, sharing the users' data
 */
public record IdentityStores(UserDirectory users, SocialAccountRepository accounts, GroupStore groups) {

    /**
     * Fresh, empty in-memory stores.
     *
     * @return stores sharing one in-memory data set
     */
    public static IdentityStores inMemory() {
        InMemoryIdentityStore store = new InMemoryIdentityStore();
        return new IdentityStores(store, store, store);
    }
}
