package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiStatusPagesTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiStatusPagesOnPostgresTest extends JdbiStatusPagesTest {
    @Override
    boolean postgres() {
        return true;
    }
}
