package io.incidentbot.storage.jdbi;

import io.incidentbot.markup.NulCharacters;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies every table of one migrated database into another migrated to the same schema (SQLite to
 * PostgreSQL, or back), for {@code migrate-db}. Tables are found from the source's metadata (every
 * table but Flyway's history), copied parents before children (foreign keys), all in one target
 * transaction: the target ends with exactly the source's rows or, on any error, unchanged. Values are
 * copied as they are, except SQLite's 0/1 integers become PostgreSQL booleans (and back), and a NUL
 * character in text (which SQLite stores and PostgreSQL refuses) becomes U+FFFD ({@link NulCharacters}); afterwards
 * PostgreSQL's identity sequences continue after the copied ids.
 */
public final class TableCopy {
    private static final int BATCH = 500;

    private TableCopy() {
    }

    /**
     * @param from     the source (not changed)
     * @param to       the target; must hold no incident and no outbox job
     * @param progress receives one line per table copied, e.g. {@code incident: 42 rows}
     * @return rows copied per table, in copy order
     * @throws IllegalStateException when the target already holds data or lacks a source table/column
     * @throws SQLException          when reading or writing fails (the target is rolled back)
     */
    public static Map<String, Integer> copy(JdbiStorage from, JdbiStorage to, Consumer<String> progress)
            throws SQLException {
        try (Connection src = from.dataSource().getConnection(); Connection dst = to.dataSource().getConnection()) {
            List<String> tables = tables(src);
            for (String t : List.of("incident", "outbox")) {
                if (count(dst, t) > 0) {
                    throw new IllegalStateException("the target already holds data (table " + t
                            + " is not empty); migrate-db copies into an empty database only");
                }
            }
            dst.setAutoCommit(false);
            try {
                List<String> childrenFirst = new ArrayList<>(tables);
                java.util.Collections.reverse(childrenFirst);
                for (String t : childrenFirst) {
                    try (Statement s = dst.createStatement()) {
                        s.executeUpdate("DELETE FROM " + t); // rows the migrations seeded, e.g. counter
                    }
                }
                Map<String, Integer> copied = new LinkedHashMap<>();
                for (String t : tables) {
                    copied.put(t, copyTable(src, dst, t));
                    progress.accept(t + ": " + copied.get(t) + " rows");
                }
                if ("PostgreSQL".equals(dst.getMetaData().getDatabaseProductName())) {
                    resetIdentities(dst);
                }
                dst.commit();
                return copied;
            } catch (SQLException | RuntimeException e) {
                dst.rollback();
                throw e;
            }
        }
    }

    /** @return the source's tables, parents before children */
    static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, null, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String schema = rs.getString("TABLE_SCHEM");
                if (!name.startsWith("flyway_") && !name.startsWith("sqlite_")
                        && (schema == null || schema.equals("public"))) {
                    names.add(name);
                }
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : names) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, null, t)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t)) {
                        p.add(parent);
                    }
                }
            }
            parents.put(t, p);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < names.size()) {
            int before = ordered.size();
            for (String t : names) {
                if (!ordered.contains(t) && ordered.containsAll(parents.get(t))) {
                    ordered.add(t);
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + names);
            }
        }
        return ordered;
    }

    private static int copyTable(Connection src, Connection dst, String table) throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(dst, table);
        if (targetTypes.isEmpty()) {
            throw new IllegalStateException("the target has no table " + table + " (is it at an older schema version?)");
        }
        int rows = 0;
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String column = rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
                if (!targetTypes.containsKey(column)) {
                    throw new IllegalStateException("the target's table " + table + " has no column " + column);
                }
                columns.add(column);
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement insert = dst.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        insert.setObject(i, convert(rs.getObject(i), targetTypes.get(columns.get(i - 1))));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static Object convert(Object value, int targetType) {
        if (value == null) {
            return null;
        }
        if ((targetType == Types.BOOLEAN || targetType == Types.BIT) && value instanceof Number n) {
            return n.longValue() != 0;
        }
        if ((targetType == Types.INTEGER || targetType == Types.BIGINT) && value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String text) {
            return NulCharacters.replace(text); // SQLite stored a NUL PostgreSQL refuses: copy the row, not abort
        }
        return value;
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, null, table, "%")) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equals("public")) {
                    types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
                }
            }
        }
        return types;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void resetIdentities(Connection c) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND is_identity = 'YES'""")) {
            while (rs.next()) {
                identities.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] id : identities) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + id[0] + "', '" + id[1] + "'), COALESCE(MAX("
                        + id[1] + "), 1), MAX(" + id[1] + ") IS NOT NULL) FROM " + id[0]);
            }
        }
    }
}
