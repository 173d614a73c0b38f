package io.gatehouse.sso.inventree;

import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;

import java.util.Objects;

/**
 * Where the import writes: Gatehouse's persistence SPI, the JDBC store's or the host's own.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(dataSource, keys);
 * ImportTarget target = new ImportTarget(stores.socialApps(), stores.socialAccounts(), stores.users(), stores.groups());
 * }</pre>
 *
 * @param apps     the social applications
 * @param accounts the links of identities to users, with their tokens (a store keeps tokens confidential; the
 *                 JDBC store encrypts them)
 * @param users    the users; a new user is created together with its first identity ({@link UserDirectory#register})
 * @param groups   the groups and memberships
 */
public record ImportTarget(SocialAppRepository apps, SocialAccountRepository accounts, UserDirectory users, GroupStore groups) {
    /**
     * Requires every store.
     *
     * @param apps the social applications
     * @param accounts the links of identities to users, with their tokens (a store keeps tokens confidential; the JDBC
     *     store encrypts them)
     * @param users the users; a new user is created together with its first identity ({@link UserDirectory#register})
     * @param groups the groups and memberships
     */
    public ImportTarget {
        Objects.requireNonNull(apps, "apps");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
    }
}
