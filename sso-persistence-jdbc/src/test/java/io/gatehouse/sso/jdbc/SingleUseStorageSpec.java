package io.gatehouse.sso.jdbc;

import io.gatehouse.sso.spi.SingleUseValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** How the JDBC single-use values keep their table small: expired rows go in bounded batches that never wait. */
abstract class SingleUseStorageSpec {

    protected abstract DataSource freshDatabase();

    private DataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = freshDatabase();
        JdbcStores.create(dataSource, TestKeys.k1());
    }

    private static Instant later() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private int rows(String where) throws Exception {
        return Integer.parseInt(RawTables.single(dataSource, "SELECT COUNT(*) FROM sso_single_use WHERE " + where));
    }

    private void insertExpired(int count) throws Exception {
        RawTables.update(dataSource, "INSERT INTO sso_single_use (use_value, expires_at) SELECT 'old-' || x,"
                + " CURRENT_TIMESTAMP - INTERVAL '1' DAY FROM (" + numbers(count) + ") n");
    }

    /** The numbers 1..count as a one-column derived table both databases accept. */
    private static String numbers(int count) {
        StringBuilder sql = new StringBuilder("SELECT 1 AS x");
        for (int i = 2; i <= count; i++) {
            sql.append(" UNION ALL SELECT ").append(i);
        }
        return sql.toString();
    }

    @Test
    void expiredValuesAreDeletedByALaterUseAndLiveOnesAreKept() throws Exception {
        insertExpired(3);
        SingleUseValues node = JdbcStores.create(dataSource, TestKeys.k1()).singleUseValues();
        node.firstUse("live", later());

        assertThat(rows("use_value LIKE 'old-%'")).isZero();
        assertThat(rows("use_value = 'live'")).isEqualTo(1);
        assertThat(node.firstUse("live", later())).isFalse();
    }

    @Test
    void onePurgeDeletesAtMostOneBatch() throws Exception {
        insertExpired(JdbcSingleUseValues.PURGE_BATCH + 7);
        JdbcSingleUseValues values = new JdbcSingleUseValues(new Database(dataSource), Clock.systemUTC());

        assertThat(values.purge(Instant.now())).isEqualTo(JdbcSingleUseValues.PURGE_BATCH);
        assertThat(values.purge(Instant.now())).isEqualTo(7);
        assertThat(rows("1 = 1")).isZero();
    }

    @Test
    void aPurgeSkipsRowsAnotherTransactionHoldsAndAFirstUseDoesNotWaitForThem() throws Exception {
        insertExpired(2);
        JdbcSingleUseValues values = new JdbcSingleUseValues(new Database(dataSource), Clock.systemUTC());
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT use_value FROM sso_single_use WHERE use_value = 'old-1' FOR UPDATE");
                 ResultSet locked = lock.executeQuery()) {
                assertThat(locked.next()).isTrue();

                int purged = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> values.purge(Instant.now()));
                boolean first = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> values.firstUse("new", later()));

                assertThat(purged).as("only the row nobody holds").isEqualTo(1);
                assertThat(first).isTrue();
            } finally {
                other.rollback();
            }
        }
        assertThat(rows("use_value = 'old-1'")).isEqualTo(1);
    }
}
