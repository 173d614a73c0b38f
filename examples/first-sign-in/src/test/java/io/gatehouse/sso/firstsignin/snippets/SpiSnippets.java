package io.gatehouse.sso.firstsignin.snippets;

import io.gatehouse.sso.core.LoginEngine;
import io.gatehouse.sso.core.config.GatehouseConfig;
import io.gatehouse.sso.core.mail.Mailer;
import io.gatehouse.sso.firstsignin.snippets.MyStores.MySingleUseValues;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SingleUseValues;
import io.gatehouse.sso.spi.SocialAccountRepository;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialAppRepository;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.UserDirectory;
import io.gatehouse.sso.spi.UserDraft;
import io.gatehouse.sso.testkit.IdentityStores;
import io.gatehouse.sso.testkit.SingleUseValuesContract;
import io.gatehouse.sso.testkit.SocialAccountRepositoryContract;
import org.junit.jupiter.api.Nested;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

import static io.gatehouse.sso.firstsignin.snippets.MyStores.freshDatabase;


/** The Java of docs/spi.md, compiled: build-checks' JavaSnippetsTest compares each region with the guide. */
final class SpiSnippets {
    void wiring(DataSource dataSource, GatehouseConfig config, Mailer mailer) {
        // snippet:wiring
        JdbcStores stores = JdbcStores.create(dataSource, SecretKeyRing.of("k1", System.getenv("SSO_DB_KEY")));

        LoginEngine engine = LoginEngine.builder(config)
                .apps(stores.socialApps())
                .accounts(stores.socialAccounts())
                .users(stores.users())
                .settings(stores.settings())
                .errorLog(stores.errorLog())
                .singleUseValues(stores.singleUseValues())
                .mailer(mailer)
                .build();
        // end:wiring
    }

    void identity(Map<String, Object> claims, SocialToken token, Clock clock, SocialAccountRepository accounts,
                  UserDirectory users, String userId, UserDraft draft) {
        // snippet:identity
        IdentitySignIn signIn = new IdentitySignIn("github", "583231", claims, token, clock.instant());

        accounts.recordLogin(signIn);                      // a known identity signs in again
        accounts.link(userId, signIn);                     // "connect": link it to a signed-in user
        users.register(new Registration(draft, signIn, Set.of("staff")));   // a first login creates the user
        // end:identity
    }

    void builder(SocialAppRepository apps) {
        // snippet:builder
        SocialApp keycloak = SocialApp.builder("keycloak")
                .name("Company Keycloak")
                .clientId("inventree")
                .secret(System.getenv("KEYCLOAK_SECRET"))
                .settings(Map.of("KEYCLOAK_URL", "https://sso.example.com", "KEYCLOAK_REALM", "corp"))
                .sites("inventree.example.com")
                .build();
        SocialApp saved = apps.save(keycloak);                          // the store assigns the id

        SocialApp renamed = saved.toBuilder().name("Corporate Keycloak").build();   // a changed copy
        // end:builder
    }

    // snippet:contract-tests
    class MyStoresTest {
        @Nested
        class SingleUse extends SingleUseValuesContract {
            private DataSource shared;

            @Override
            protected SingleUseValues newStore() {
                shared = freshDatabase();
                return new MySingleUseValues(shared);
            }

            @Override
            protected SingleUseValues anotherNode() {
                return new MySingleUseValues(shared);   // a second node on the same database
            }
        }

        @Nested
        class Accounts extends SocialAccountRepositoryContract {
            @Override
            protected IdentityStores newStores() {
                MyStores s = new MyStores(freshDatabase());
                return new IdentityStores(s.users(), s.accounts(), s.groups());
            }
        }
    }
    // end:contract-tests
}
