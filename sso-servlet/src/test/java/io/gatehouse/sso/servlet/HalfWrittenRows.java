package io.gatehouse.sso.servlet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a sign-in cut off half-way could leave behind in the JDBC schema, counted with plain SQL: users without the
 * link that created them, links (or tokens) without their user or link. A sign-in that stored all or nothing
 * leaves none.
 */
final class HalfWrittenRows {
    private HalfWrittenRows() {
    }

    static int count(DataSource dataSource) {
        return count(dataSource, "SELECT count(*) FROM sso_user u"
                + " WHERE NOT EXISTS (SELECT 1 FROM sso_social_account a WHERE a.user_id = u.id)")
                + count(dataSource, "SELECT count(*) FROM sso_social_account a"
                + " WHERE NOT EXISTS (SELECT 1 FROM sso_user u WHERE u.id = a.user_id)")
                + count(dataSource, "SELECT count(*) FROM sso_social_token t"
                + " WHERE NOT EXISTS (SELECT 1 FROM sso_social_account a WHERE a.id = t.account_id)");
    }

    /** The number of rows of {@code table}. */
    static int rows(DataSource dataSource, String table) {
        return count(dataSource, "SELECT count(*) FROM " + table);
    }

    private static int count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting failed: " + sql, e);
        }
    }
}
