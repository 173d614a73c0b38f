package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.jdbc.JdbcStores;

// snippet:listener
import io.gatehouse.sso.core.LoginEngine;          // io.gatehouse:sso-core
import io.gatehouse.sso.groupsync.GroupSync;       // io.gatehouse:sso-groupsync

import java.time.Clock;
// end:listener

/** The Java of docs/groupsync.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class GroupsyncSnippets {
    void listener(GatehouseConfig config, JdbcStores stores) {
        // snippet:listener
        // stores: your SPI implementations, or JdbcStores from sso-persistence-jdbc (see jdbc.md)
        GroupSync groupSync = new GroupSync(stores.groups(), stores.settings(), stores.errorLog(), Clock.systemUTC());
        LoginEngine engine = LoginEngine.builder(config)
                .apps(stores.socialApps()).accounts(stores.socialAccounts()).users(stores.users())
                .settings(stores.settings()).errorLog(stores.errorLog())
                .listener(groupSync)
                .build();
        // end:listener
    }
}
