package io.gatehouse.sso.inventree;

import io.gatehouse.sso.jdbc.JdbcStores;
import io.gatehouse.sso.fixtures.PostgresDatabases;
import io.gatehouse.sso.jdbc.SecretKeyRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.gatehouse.sso.inventree.InvenTreeSample.ALICE_ACCESS_TOKEN;
import static io.gatehouse.sso.inventree.InvenTreeSample.ALICE_SUB;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line against PostgreSQL: an InvenTree database in, Gatehouse's JDBC store out. */
class InvenTreeImportCommandTest {
    @RegisterExtension
    static final PostgresDatabases PG = new PostgresDatabases();

    InvenTreeDatabase inventree;
    PGSimpleDataSource gatehouseDb;
    final String keys = "k1:" + SecretKeyRing.generateKey();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void closeInvenTree() throws SQLException {
        inventree.close();
    }

    @BeforeEach
    void setUp() {
        inventree = new InvenTreeDatabase(PG.fresh());
        gatehouseDb = PG.fresh();
    }

    int run(Map<String, String> env, String... more) {
        List<String> args = new ArrayList<>(List.of("--source", inventree.url(), "--source-user", user(),
                "--target", InvenTreeDatabase.urlOf(gatehouseDb), "--target-user", user()));
        args.addAll(List.of(more));
        return InvenTreeImportCommand.run(args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Map<String, String> env() {
        String password = PostgresDatabases.setting("GATEHOUSE_PG_PASSWORD");
        return new HashMap<>(Map.of("INVENTREE_DB_PASSWORD", password, "SSO_DB_PASSWORD", password, "SSO_DB_KEYS", keys));
    }

    static String user() {
        return PostgresDatabases.setting("GATEHOUSE_PG_USER");
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandImportsIntoTheJdbcStoreAndExitsTwoListingTheRowsItCouldNotImport() {
        new InvenTreeSample(inventree, "https://sso.example.com/realms/inventree");

        int status = run(env());

        assertThat(status).isEqualTo(2);
        assertThat(out()).contains("created       user 'alice'", "NOT IMPORTED  user 'dave'");
        JdbcStores stores = JdbcStores.create(gatehouseDb, SecretKeyRing.parse(keys));
        assertThat(stores.socialAccounts().findToken("keycloak", ALICE_SUB))
                .hasValueSatisfying(t -> assertThat(t.accessToken()).isEqualTo(ALICE_ACCESS_TOKEN));
    }

    @Test
    void aSecondRunFindsEverythingThereAndExitsZeroWhenNothingIsLeftOut() {
        int bob = inventree.user("bob", "bob@example.com", "Bob", "Baker", true);
        inventree.account(bob, "github", "583231", "{\"id\": 583231}");
        assertThat(run(env())).isEqualTo(0);
        out.reset();

        assertThat(run(env())).isEqualTo(0);
        assertThat(out()).contains("unchanged     user 'bob'", "0 created, 0 updated, 1 unchanged, 0 not imported");
    }

    @Test
    void aDryRunAgainstADatabaseWithoutGatehousesTablesCreatesNone() throws SQLException {
        new InvenTreeSample(inventree, "https://sso.example.com/realms/inventree");

        int status = run(env(), "--dry-run");

        assertThat(status).isEqualTo(2);
        assertThat(out()).contains("dry run: nothing was written", "would create  user 'alice'");
        assertThat(err()).contains("no Gatehouse tables yet");
        assertThat(tablesOf(gatehouseDb)).isEmpty();
    }

    @Test
    void withoutTheKeyRingTheCommandStopsBeforeWritingAndExitsOne() throws SQLException {
        new InvenTreeSample(inventree, "https://sso.example.com/realms/inventree");
        Map<String, String> env = env();
        env.remove("SSO_DB_KEYS");

        assertThat(run(env)).isEqualTo(1);
        assertThat(err()).contains("set SSO_DB_KEYS");
        assertThat(tablesOf(gatehouseDb)).isEmpty();
    }

    @Test
    void aSourceWithoutAllauthsTablesStopsTheCommandNamingThemAndExitsOne() {
        inventree.sql("DROP TABLE socialaccount_socialtoken");

        assertThat(run(env())).isEqualTo(1);
        assertThat(err()).contains("nothing was imported", "no table socialaccount_socialtoken");
        assertThat(out()).isEmpty();
    }

    @Test
    void aWrongPasswordStopsTheCommandWithoutShowingIt() {
        Map<String, String> env = env();
        env.put("INVENTREE_DB_PASSWORD", "not-the-password-xyz");

        assertThat(run(env)).isEqualTo(1);
        assertThat(err()).contains("cannot read the InvenTree database").doesNotContain("not-the-password-xyz");
    }

    private static List<String> tablesOf(PGSimpleDataSource schema) throws SQLException {
        try (Connection c = schema.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
            s.setString(1, schema.getCurrentSchema());
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }
    }
}
