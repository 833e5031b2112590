package io.incidentbot.storage.jdbi;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Cleanable;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Plain JDBC prepared statements for the statements run once per Events API event, each prepared once per
 * transaction and closed with it. Recording an event through JDBI cost more CPU in JDBI's per-statement
 * set-up (a configuration copy, argument factories resolved again, SQL parsed) and in SQLite compiling the
 * same SQL again ({@code prepare_utf8}) than in SQLite executing it (JFR, bench scenario 1); with
 * {@link io.incidentbot.store.GroupCommit} one transaction records dozens of events with the same four
 * statements. Not thread-safe: one transaction runs on one thread.
 */
final class PreparedCache implements Cleanable {
    private final Handle handle;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private PreparedCache(Handle handle) {
        this.handle = handle;
    }

    /** @return a cache for {@code handle}'s transaction, closed when the handle closes */
    static PreparedCache of(Handle handle) {
        PreparedCache cache = new PreparedCache(handle);
        handle.addCleanable(cache);
        return cache;
    }

    /**
     * @param sql SQL with {@code ?} parameters
     * @return the statement for {@code sql}, its parameters cleared; do not close it
     * @throws SQLException when the database cannot prepare it
     */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = handle.getConnection().prepareStatement(sql);
            statements.put(sql, s);
        } else {
            s.clearParameters();
        }
        return s;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement s : statements.values()) {
            try {
                s.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
