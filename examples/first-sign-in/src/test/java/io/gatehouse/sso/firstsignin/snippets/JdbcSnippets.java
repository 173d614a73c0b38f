package io.gatehouse.sso.firstsignin.snippets;

import javax.sql.DataSource;

// snippet:stores
import io.gatehouse.sso.jdbc.JdbcStores;        // io.gatehouse:sso-persistence-jdbc
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.ErrorLog;           // io.gatehouse:sso-persistence-spi
import io.gatehouse.sso.spi.GroupStore;
import io.gatehouse.sso.spi.SettingsStore;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.UserDirectory;
// end:stores
// snippet:h2
import io.gatehouse.sso.jdbc.EmbeddedH2;
import javax.sql.DataSource;
import java.nio.file.Path;
// end:h2
// snippet:postgres
import io.gatehouse.sso.jdbc.JdbcStores;
import org.postgresql.ds.PGSimpleDataSource;
// end:postgres
// snippet:keys
import io.gatehouse.sso.jdbc.SecretKeyRing;
// end:keys

/** The Java of docs/jdbc.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class JdbcSnippets {
    void stores(DataSource dataSource) {
        // snippet:stores
        SecretKeyRing keys = SecretKeyRing.parse(System.getenv("SSO_DB_KEYS"));  // "k1:<base64>", see "Keys" below
        JdbcStores stores = JdbcStores.create(dataSource, keys);  // migrates the schema, checks the keys

        SocialAppRepository apps   = stores.socialApps();
        SocialAccountRepository accounts = stores.socialAccounts();
        UserDirectory users        = stores.users();
        GroupStore groups          = stores.groups();
        SettingsStore settings     = stores.settings();   // also the SettingsSource the login flow reads
        ErrorLog errorLog          = stores.errorLog();
        // end:stores
    }

    void h2() {
        // snippet:h2
        DataSource dataSource = EmbeddedH2.file(Path.of("data/gatehouse"));   // files data/gatehouse.mv.db
        DataSource scratch    = EmbeddedH2.inMemory("demo");                  // gone when the JVM exits
        DataSource server     = EmbeddedH2.url("jdbc:h2:tcp://localhost/~/gatehouse");
        // end:h2
    }

    void postgres(SecretKeyRing keys) {
        // snippet:postgres
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:postgresql://db.example.com:5432/app");
        dataSource.setUser("gatehouse");
        dataSource.setPassword(System.getenv("SSO_DB_PASSWORD"));   // the host's own variable, like SSO_DB_KEYS
        dataSource.setCurrentSchema("gatehouse");   // optional: keep Gatehouse's tables in their own schema
        JdbcStores stores = JdbcStores.create(dataSource, keys);
        // end:postgres
    }

    void keys(String newKey, String oldKey) {
        // snippet:keys
        SecretKeyRing keys = SecretKeyRing.parse(System.getenv("SSO_DB_KEYS"));   // "2026-01:<base64>,2025-06:<base64>"
        // the same in code, one key at a time:
        SecretKeyRing same = SecretKeyRing.of("2026-01", newKey).withOlderKey("2025-06", oldKey);
        // end:keys
    }
}
