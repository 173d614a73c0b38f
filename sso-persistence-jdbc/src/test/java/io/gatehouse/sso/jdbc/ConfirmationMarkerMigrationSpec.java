package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.SingleUseValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V2 on a database that version 1 used: the used email-confirmation links it recorded as social
 * accounts of the pseudo-provider {@code gatehouse:email-confirmed} become single-use values, and no such
 * account is left.
 */
abstract class ConfirmationMarkerMigrationSpec {

    protected abstract DataSource freshDatabase();

    private static final String MARKER = "gatehouse:email-confirmed";
    private static final Instant USED_AT = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MICROS);
    private DataSource dataSource;

    @BeforeEach
    void aVersionOneDatabaseWithMarkers() throws Exception {
        dataSource = freshDatabase();
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(c);
            new SchemaMigrations(new Database(dataSource), dialect, List.of(SchemaMigrations.load("V1__init.sql"))).migrate();
        }
        for (String user : List.of("7, 'ada', 'Ada@Example.com', 'ada@example.com'", "8, 'bob', 'bob@example.com', 'bob@example.com'")) {
            RawTables.update(dataSource, "INSERT INTO sso_user (id, username, email, email_key, first_name, last_name, active)"
                    + " VALUES (" + user + ", '', '', TRUE)");
        }
        account(7, "github", "583231");
        account(7, MARKER, "7:ada@example.com");
        account(8, MARKER, "8:bob@example.com");
    }

    private void account(long userId, String provider, String uid) throws Exception {
        RawTables.update(dataSource, "INSERT INTO sso_social_account (user_id, provider, uid, extra_data_json, last_login,"
                + " date_joined) VALUES (" + userId + ", '" + provider + "', '" + uid + "', '{}', TIMESTAMP WITH TIME ZONE '"
                + USED_AT + "', TIMESTAMP WITH TIME ZONE '" + USED_AT + "')");
    }

    @Test
    void afterTheMigrationNoUserHasAFakeSocialAccount() throws Exception {
        JdbcStores stores = JdbcStores.create(dataSource, TestKeys.k1());

        assertThat(stores.schemaVersion()).as("migrated through V2 to the latest").isEqualTo(SchemaMigrations.latestVersion());
        assertThat(RawTables.column(dataSource, "SELECT provider FROM sso_social_account")).containsExactly("github");
        assertThat(stores.socialAccounts().findByUser("7")).extracting(a -> a.provider() + "/" + a.uid())
                .containsExactly("github/583231");
        assertThat(stores.socialAccounts().findByUser("8")).isEmpty();
    }

    @Test
    void aLinkUsedBeforeTheMigrationIsStillRefused() {
        SingleUseValues used = JdbcStores.create(dataSource, TestKeys.k1()).singleUseValues();
        Instant linkLifetime = Instant.now().plus(Duration.ofDays(1));

        assertThat(used.firstUse("email-confirmation:7:ada@example.com", linkLifetime)).isFalse();
        assertThat(used.firstUse("email-confirmation:8:bob@example.com", linkLifetime)).isFalse();
        assertThat(used.firstUse("email-confirmation:9:eve@example.com", linkLifetime)).as("no other value").isTrue();
    }

    @Test
    void aMovedLinkIsRememberedForOneDayAfterItsUse() throws Exception {
        JdbcStores.create(dataSource, TestKeys.k1());

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT expires_at FROM sso_single_use WHERE use_value = 'email-confirmation:7:ada@example.com'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, OffsetDateTime.class).toInstant())
                    .isEqualTo(USED_AT.plus(Duration.ofDays(1)));
        }
    }
}
