package org.personalshopper.bootstrap.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks through every table of the service's schema for rows that mention given values (ids, user ids). */
final class TableScan {
    private final String jdbcUrl;

    TableScan(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Every table of the current schema, whatever migrations have added by now. */
    List<String> tables() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement s = c.prepareStatement("select table_name from information_schema.tables"
                     + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name");
             ResultSet rows = s.executeQuery()) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            return tables;
        }
    }

    /** For each table, how many of its rows mention any of {@code values} in any column (as text). */
    Map<String, Integer> rowsMentioning(List<String> values) throws SQLException {
        Map<String, Integer> found = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (String table : tables()) {
                int count = 0;
                for (String value : values) {
                    try (PreparedStatement s = c.prepareStatement(
                            "select count(*) from \"" + table + "\" t where strpos(t::text, ?) > 0")) {
                        s.setString(1, value);
                        try (ResultSet rows = s.executeQuery()) {
                            rows.next();
                            count += rows.getInt(1);
                        }
                    }
                }
                found.put(table, count);
            }
        }
        return found;
    }

    int count(String sql, Object... binds) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < binds.length; i++) {
                s.setObject(i + 1, binds[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
