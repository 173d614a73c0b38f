package io.gatehouse.sso.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain SQL on the store's tables, past the stores: what is really in the database. */
final class RawTables {
    private RawTables() {
    }

    /** Every Gatehouse table of the data source's schema, found through the JDBC metadata. */
    static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), null, new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith("sso_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** Every non-null value of every column of every Gatehouse table, as text, prefixed by table.column. */
    static List<String> everyValue(DataSource dataSource) throws SQLException {
        List<String> values = new ArrayList<>();
        for (String table : tables(dataSource)) {
            try (Connection c = dataSource.getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String value = rs.getString(i);
                        if (value != null) {
                            values.add(table.toLowerCase(Locale.ROOT) + "." + meta.getColumnName(i).toLowerCase(Locale.ROOT)
                                    + "=" + value);
                        }
                    }
                }
            }
        }
        return values;
    }

    static String single(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> column(DataSource dataSource, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static int update(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }
}
