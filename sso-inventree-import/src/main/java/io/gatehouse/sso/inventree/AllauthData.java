package io.gatehouse.sso.inventree;

import java.util.List;

/**
 * What the importer read from an InvenTree database.
 *
 * @param apps            the social applications, by id
 * @param accounts        the social accounts with their tokens, by id
 * @param users           the Django users that have a social account, by id, with their groups
 * @param usersWithoutSso how many Django users have no social account (they are left to the host)
 */
record AllauthData(List<SourceApp> apps, List<SourceAccount> accounts, List<DjangoUser> users, int usersWithoutSso) {

    AllauthData {
        apps = List.copyOf(apps);
        accounts = List.copyOf(accounts);
        users = List.copyOf(users);
    }
}
