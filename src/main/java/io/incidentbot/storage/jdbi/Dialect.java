package io.incidentbot.storage.jdbi;

import org.jdbi.v3.core.Handle;

import java.sql.SQLException;

/** The few places the repositories' SQL differs between SQLite and PostgreSQL ask here. */
final class Dialect {
    private Dialect() {
    }

    /** @return true when {@code h} is connected to PostgreSQL (the driver answers from memory) */
    static boolean postgres(Handle h) {
        try {
            return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database product", e);
        }
    }
}
