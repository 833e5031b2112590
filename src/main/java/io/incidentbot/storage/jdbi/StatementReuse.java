package io.incidentbot.storage.jdbi;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reuses prepared statements within one JDBI handle, that is one transaction: the second time a
 * transaction runs the same SQL, the statement SQLite compiled (or PostgreSQL's driver parsed) the first
 * time is run again with new parameters instead of being prepared anew. With {@link
 * io.incidentbot.store.GroupCommit} one transaction records dozens of events with the same handful of
 * statements, so compiling them was a large share of the capture path's CPU (JFR: SQLite's
 * {@code prepare_utf8} 18% of native samples, before).
 *
 * <p>A JDBI {@link StatementBuilder} (JDBI's extension point for statement creation, one per handle): a
 * statement JDBI is done with (its result set closed) has its parameters cleared and is kept idle under its
 * SQL; the next request for that SQL takes it, and a statement still in use (a nested query of the same
 * SQL) is never handed out twice. The idle ones are closed when the handle closes, so nothing outlives
 * the transaction's connection checkout. Statements asking for generated keys or updatable result sets
 * are created and closed as JDBI does by default.
 */
final class StatementReuse implements StatementBuilder {
    /** Makes one per handle; for {@code Jdbi.setStatementBuilderFactory}. */
    static final StatementBuilderFactory FACTORY = connection -> new StatementReuse();

    /** Idle statements kept per SQL text; more are closed (a loop never needs many of one kind). */
    private static final int IDLE_PER_SQL = 4;

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Map<String, ArrayDeque<PreparedStatement>> idle = new HashMap<>();
    /** The statements this builder prepared for plain SQL: only these are kept and handed out again. */
    private final Set<Statement> reusable = Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (special(ctx)) {
            return plain.create(conn, sql, ctx);
        }
        ArrayDeque<PreparedStatement> kept = idle.get(sql);
        PreparedStatement s = kept == null ? null : kept.pollFirst();
        if (s == null) {
            s = conn.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            reusable.add(s);
        }
        return s;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (sql == null || !reusable.contains(stmt) || !(stmt instanceof PreparedStatement p) || p.isClosed()) {
            reusable.remove(stmt);
            plain.close(conn, sql, stmt);
            return;
        }
        ArrayDeque<PreparedStatement> kept = idle.computeIfAbsent(sql, k -> new ArrayDeque<>(2));
        if (kept.size() >= IDLE_PER_SQL) {
            reusable.remove(p);
            p.close();
            return;
        }
        p.clearParameters();
        kept.addFirst(p);
    }

    @Override
    public void close(Connection conn) {
        for (ArrayDeque<PreparedStatement> kept : idle.values()) {
            for (PreparedStatement p : kept) {
                try {
                    p.close();
                } catch (SQLException ignored) {
                    // The connection goes back to the pool, which closes what is still open.
                }
            }
        }
        idle.clear();
        reusable.clear();
    }

    private static boolean special(StatementContext ctx) {
        return ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable();
    }
}
