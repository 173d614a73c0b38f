package io.gatehouse.sso.inventree;

import io.gatehouse.sso.inventree.ImportReport.Kind;
import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import io.gatehouse.sso.spi.IdentitySignIn;
import io.gatehouse.sso.spi.Registration;
import io.gatehouse.sso.spi.SocialAccount;
import io.gatehouse.sso.spi.SocialApp;
import io.gatehouse.sso.spi.SocialToken;
import io.gatehouse.sso.spi.User;
import io.gatehouse.sso.spi.UserDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gatehouse.sso.inventree.InvenTreeSample.ALICE_ACCESS_TOKEN;
import static io.gatehouse.sso.inventree.InvenTreeSample.ALICE_REFRESH_TOKEN;
import static io.gatehouse.sso.inventree.InvenTreeSample.ALICE_SUB;
import static io.gatehouse.sso.inventree.InvenTreeSample.BOB_ACCESS_TOKEN;
import static io.gatehouse.sso.inventree.InvenTreeSample.BOB_GITHUB_ID;
import static io.gatehouse.sso.inventree.InvenTreeSample.DAVE_SUB;
import static io.gatehouse.sso.inventree.InvenTreeSample.FRANK_GITHUB_ID;
import static io.gatehouse.sso.inventree.InvenTreeSample.KEYCLOAK_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer from a PostgreSQL InvenTree database with allauth's real tables into the JDBC store on PostgreSQL. */
class InvenTreeImportTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    static final String ISSUER = "https://sso.example.com/realms/inventree";

    InvenTreeDatabase inventree;
    PGSimpleDataSource gatehouseDb;
    JdbcStores gatehouse;

    @AfterEach
    void closeInvenTree() throws SQLException {
        inventree.close();
    }

    @BeforeEach
    void setUp() {
        inventree = new InvenTreeDatabase(PG.fresh());
        gatehouseDb = PG.fresh();
        gatehouse = JdbcStores.create(gatehouseDb, SecretKeyRing.of("k1", SecretKeyRing.generateKey()));
    }

    ImportReport importWith(ImportOptions options) {
        return new InvenTreeImport(inventree.dataSource, target(), options).run();
    }

    ImportTarget target() {
        return new ImportTarget(gatehouse.socialApps(), gatehouse.socialAccounts(), gatehouse.users(), gatehouse.groups());
    }

    static List<String> subjects(ImportReport report, Kind kind) {
        return report.entries(kind).stream().map(ImportReport.Entry::subject).toList();
    }

    @Test
    void appsUsersGroupsIdentitiesAndTokensArriveWithTheSameUids() {
        new InvenTreeSample(inventree, ISSUER);

        ImportReport report = importWith(ImportOptions.defaults());

        SocialApp keycloak = gatehouse.socialApps().findByProvider("openid_connect").get(0);
        assertThat(keycloak.providerId()).isEqualTo("keycloak");
        assertThat(keycloak.name()).isEqualTo("Company Keycloak");
        assertThat(keycloak.clientId()).isEqualTo("inventree");
        assertThat(keycloak.secret()).isEqualTo(KEYCLOAK_SECRET);
        assertThat(keycloak.settings()).containsEntry("server_url", ISSUER);
        assertThat(keycloak.sites()).containsExactly("localhost");
        assertThat(gatehouse.socialApps().findByProvider("microsoft").get(0).settings()).containsEntry("tenant", "organizations");

        User alice = gatehouse.users().findByUsername("alice").orElseThrow();
        assertThat(alice).isEqualTo(new User(alice.id(), "alice", "alice@example.com", "Alice", "Archer", true));
        assertThat(gatehouse.groups().groupNamesOf(alice.id())).containsExactlyInAnyOrder("engineering", "purchasing");
        SocialAccount link = gatehouse.socialAccounts().find("keycloak", ALICE_SUB).orElseThrow();
        assertThat(link.userId()).isEqualTo(alice.id());
        assertThat(link.extraData().get("userinfo")).isEqualTo(Map.of("sub", ALICE_SUB, "email", "alice@example.com",
                "email_verified", true, "preferred_username", "alice", "given_name", "Alice", "family_name", "Archer",
                "groups", List.of("/inventree/engineering")));
        assertThat(link.lastLogin()).isEqualTo(Instant.parse("2025-03-02T08:15:00Z"));
        assertThat(gatehouse.socialAccounts().findToken("keycloak", ALICE_SUB)).contains(
                new SocialToken(ALICE_ACCESS_TOKEN, ALICE_REFRESH_TOKEN, Instant.parse("2025-03-02T08:20:00Z")));
        assertThat(gatehouse.socialAccounts().findToken("github", BOB_GITHUB_ID)).contains(new SocialToken(BOB_ACCESS_TOKEN, null, null));
        assertThat(gatehouse.users().findByUsername("frank")).hasValueSatisfying(u -> assertThat(u.active()).isFalse());
        assertThat(gatehouse.socialAccounts().find("github", FRANK_GITHUB_ID)).isPresent();

        assertThat(subjects(report, Kind.CREATED)).contains("user 'alice' (auth_user 2)", "user 'bob' (auth_user 3)",
                "user 'carol' (auth_user 4)", "user 'frank' (auth_user 7)");
        assertThat(report.usersWithoutSso()).isEqualTo(2);
        assertThat(gatehouse.users().findByUsername("admin")).isEmpty();
    }

    @Test
    void aUserWithARowThatCannotBeImportedIsLeftOutEntirelyWithTheReasonAndTheOthersAreImported() {
        InvenTreeSample sample = new InvenTreeSample(inventree, ISSUER);

        ImportReport report = importWith(ImportOptions.defaults());

        assertThat(report.complete()).isFalse();
        assertThat(report.entries(Kind.NOT_IMPORTED)).extracting(ImportReport.Entry::subject).containsExactly(
                "app 'GitLab' (socialaccount_socialapp " + sample.gitlabApp + ", gitlab)",
                "user 'dave' (auth_user " + sample.dave + ")", "user 'erin' (auth_user " + sample.erin + ")");
        assertThat(report.entries(Kind.NOT_IMPORTED).get(1).detail()).contains("(gitlab uid 3001)",
                "Gatehouse has no provider module for 'gitlab'", "--provider gitlab");
        assertThat(report.entries(Kind.NOT_IMPORTED).get(2).detail())
                .contains("extra_data is a JSON string (was it encoded twice?), not a JSON object");
        // dave's Keycloak identity was fine, but nothing of dave is imported: not half of him
        assertThat(gatehouse.users().findByUsername("dave")).isEmpty();
        assertThat(gatehouse.socialAccounts().find("keycloak", DAVE_SUB)).isEmpty();
        assertThat(gatehouse.users().findByUsername("erin")).isEmpty();
        assertThat(gatehouse.socialApps().findByProvider("gitlab")).isEmpty();
        assertThat(gatehouse.users().findByUsername("alice")).isPresent();
    }

    @Test
    void theReportNeverShowsASecretOrAToken() {
        new InvenTreeSample(inventree, ISSUER);

        String text = importWith(ImportOptions.defaults()).render();

        assertThat(text).doesNotContain(KEYCLOAK_SECRET, ALICE_ACCESS_TOKEN, ALICE_REFRESH_TOKEN, BOB_ACCESS_TOKEN,
                "github-client-secret-value", "ms-secret-value");
    }

    @Test
    void runningItTwiceChangesNothing() {
        new InvenTreeSample(inventree, ISSUER);
        importWith(ImportOptions.defaults());
        Map<String, Integer> before = rowCounts();

        ImportReport again = importWith(ImportOptions.defaults());

        assertThat(again.entries(Kind.CREATED)).isEmpty();
        assertThat(again.entries(Kind.UPDATED)).isEmpty();
        assertThat(subjects(again, Kind.UNCHANGED)).hasSize(3 + 4);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aDryRunReportsWhatItWouldDoAndWritesNothing() {
        new InvenTreeSample(inventree, ISSUER);

        ImportReport report = importWith(ImportOptions.defaults().asDryRun());

        assertThat(report.dryRun()).isTrue();
        assertThat(subjects(report, Kind.CREATED)).hasSize(3 + 4);
        assertThat(report.render()).contains("dry run: nothing was written", "would create  user 'alice'");
        assertThat(rowCounts()).containsOnly(Map.entry("sso_social_app", 0), Map.entry("sso_user", 0),
                Map.entry("sso_social_account", 0), Map.entry("sso_social_token", 0), Map.entry("sso_group", 0),
                Map.entry("sso_user_group", 0));
    }

    @Test
    void tokensAndClientSecretsAreEncryptedAtRest() throws SQLException {
        new InvenTreeSample(inventree, ISSUER);

        importWith(ImportOptions.defaults());

        List<String> stored = new ArrayList<>(column("SELECT access_token_sealed || ' ' || COALESCE(refresh_token_sealed, '')"
                + " FROM sso_social_token"));
        stored.addAll(column("SELECT COALESCE(secret_sealed, '') FROM sso_social_app"));
        assertThat(stored).hasSize(2 + 3).allSatisfy(v -> assertThat(v).startsWith("v1:k1:"));
        assertThat(String.join("\n", stored)).doesNotContain(ALICE_ACCESS_TOKEN, ALICE_REFRESH_TOKEN, BOB_ACCESS_TOKEN,
                KEYCLOAK_SECRET);
    }

    @Test
    void aGatehouseUserWithTheSameUsernameAndEmailGetsTheIdentitiesAndGroups() {
        new InvenTreeSample(inventree, ISSUER);
        User existing = gatehouse.users().register(new Registration(new UserDraft("alice", "Alice@Example.com", "A", "A", true),
                new IdentitySignIn("github", "4242", Map.of(), null, Instant.now()), Set.of("staff"))).user();

        ImportReport report = importWith(ImportOptions.defaults());

        assertThat(gatehouse.socialAccounts().find("keycloak", ALICE_SUB).orElseThrow().userId()).isEqualTo(existing.id());
        assertThat(gatehouse.groups().groupNamesOf(existing.id())).containsExactlyInAnyOrder("staff", "engineering", "purchasing");
        assertThat(report.entries(Kind.UPDATED)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("to Gatehouse user 'alice' (id " + existing.id() + ")", "keycloak uid " + ALICE_SUB, "with token"));
    }

    @Test
    void aGatehouseUserWithTheSameUsernameButAnotherEmailIsNotTakenForTheSamePerson() {
        new InvenTreeSample(inventree, ISSUER);
        gatehouse.users().register(new Registration(new UserDraft("alice", "someone.else@example.org", "", "", true),
                new IdentitySignIn("github", "4242", Map.of(), null, Instant.now()), Set.of()));

        ImportReport report = importWith(ImportOptions.defaults());

        assertThat(report.entries(Kind.NOT_IMPORTED)).anySatisfy(e -> {
            assertThat(e.subject()).startsWith("user 'alice'");
            assertThat(e.detail()).contains("with another email");
        });
        assertThat(gatehouse.socialAccounts().find("keycloak", ALICE_SUB)).isEmpty();
    }

    @Test
    void aDuplicateProviderAndUidLeavesBothUsersOutAndTheRestIsImported() {
        // a database restored without its constraints: allauth's unique (provider, uid) is gone
        inventree.sql("ALTER TABLE socialaccount_socialaccount DROP CONSTRAINT socialaccount_socialaccount_provider_uid_fc810c6e_uniq");
        int mallory = inventree.user("mallory", "mallory@example.com", "", "", true);
        int alice = inventree.user("alice", "alice@example.com", "", "", true);
        inventree.account(mallory, "github", "777", "{\"id\": 777}");
        inventree.account(alice, "github", "777", "{\"id\": 777}");
        int bob = inventree.user("bob", "bob@example.com", "", "", true);
        inventree.account(bob, "github", "778", "{\"id\": 778}");

        ImportReport report = importWith(ImportOptions.defaults());

        assertThat(subjects(report, Kind.NOT_IMPORTED)).containsExactly("user 'mallory' (auth_user " + mallory + ")",
                "user 'alice' (auth_user " + alice + ")");
        assertThat(report.entries(Kind.NOT_IMPORTED).get(0).detail()).contains("also on socialaccount", "one user only");
        assertThat(gatehouse.socialAccounts().find("github", "777")).isEmpty();
        assertThat(gatehouse.users().findByUsername("bob")).isPresent();
    }

    @Test
    void extraDataThatIsNotJsonInAnOlderTextColumnIsReportedWithoutQuotingIt() {
        // before allauth's migration 0006 extra_data was a text column
        inventree.sql("ALTER TABLE socialaccount_socialaccount ALTER COLUMN extra_data TYPE text");
        int erin = inventree.user("erin", "erin@example.com", "", "", true);
        inventree.sql("INSERT INTO socialaccount_socialaccount (provider, uid, last_login, date_joined, extra_data, user_id)"
                + " VALUES ('github', '55', now(), now(), '{\"login\": \"erin\", \"token\": \"secret-in-extra-data\"', ?)", erin);
        int bob = inventree.user("bob", "bob@example.com", "", "", true);
        inventree.account(bob, "github", "56", "{\"id\": 56}");

        ImportReport report = importWith(ImportOptions.defaults());

        assertThat(report.entries(Kind.NOT_IMPORTED)).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo("user 'erin' (auth_user " + erin + ")");
            assertThat(e.detail()).contains("extra_data is not valid JSON (line 1").doesNotContain("secret-in-extra-data");
        });
        assertThat(gatehouse.socialAccounts().find("github", "56").orElseThrow().extraData()).containsEntry("id", 56);
    }

    @Test
    void aDatabaseWithoutAllauthsTablesStopsTheImportNamingThemAndWritesNothing() {
        PGSimpleDataSource empty = PG.fresh();

        assertThatThrownBy(() -> new InvenTreeImport(empty, target(), ImportOptions.defaults()).run())
                .isInstanceOfSatisfying(NotAnAllauthDatabaseException.class, e -> assertThat(e.missingTables())
                        .containsExactlyElementsOf(AllauthTables.REQUIRED))
                .hasMessageContaining("socialaccount_socialaccount").hasMessageContaining("right database and schema");
        assertThat(rowCounts().values()).allMatch(n -> n == 0);
    }

    @Test
    void withoutTheSitesTablesEveryAppServesEverySiteAsInAllauthWithoutTheSitesFramework() {
        inventree.sql("DROP TABLE socialaccount_socialapp_sites");
        inventree.sql("DROP TABLE django_site");
        inventree.sql("INSERT INTO socialaccount_socialapp (provider, name, client_id, secret, key, provider_id, settings)"
                + " VALUES ('github', 'GitHub', 'Iv1.x', 's', '', '', '{}')");

        importWith(ImportOptions.defaults());

        assertThat(gatehouse.socialApps().findByProvider("github").get(0).sites()).containsExactly("*");
    }

    @Test
    void givenSitesReplaceTheDatabasesAndDjangosDefaultSiteGetsANote() {
        new InvenTreeSample(inventree, ISSUER);

        ImportReport defaults = new InvenTreeImport(inventree.dataSource, target(), ImportOptions.defaults().asDryRun()).run();
        importWith(ImportOptions.defaults().withSites(Set.of("inventree.example.com")));

        assertThat(defaults.entries(Kind.NOTE)).anySatisfy(e -> assertThat(e.detail()).contains("example.com, Django's default site"));
        assertThat(gatehouse.socialApps().findAll()).extracting(SocialApp::sites).containsOnly(Set.of("inventree.example.com"));
    }

    @Test
    void aProviderIdTheOperatorNamesIsAcceptedForTheApplicationsOwnModule() {
        InvenTreeSample sample = new InvenTreeSample(inventree, ISSUER);

        ImportReport report = importWith(ImportOptions.defaults().withExtraProviders(Set.of("gitlab")));

        assertThat(report.complete()).isFalse();
        assertThat(subjects(report, Kind.NOT_IMPORTED)).containsExactly("user 'erin' (auth_user " + sample.erin + ")");
        assertThat(gatehouse.socialAccounts().find("gitlab", "3001")).isPresent();
        assertThat(gatehouse.socialApps().findByProvider("gitlab")).hasSize(1);
    }

    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : List.of("sso_social_app", "sso_user", "sso_social_account", "sso_social_token", "sso_group",
                "sso_user_group")) {
            counts.put(table, Integer.valueOf(column("SELECT COUNT(*) FROM " + table).get(0)));
        }
        return counts;
    }

    private List<String> column(String query) {
        try (Connection c = gatehouseDb.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }
}
