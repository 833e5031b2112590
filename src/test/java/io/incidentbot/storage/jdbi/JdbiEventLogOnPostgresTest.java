package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiEventLogTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiEventLogOnPostgresTest extends JdbiEventLogTest {
    @Override
    boolean postgres() {
        return true;
    }
}
