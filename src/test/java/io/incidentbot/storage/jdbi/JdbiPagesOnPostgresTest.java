package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiPagesTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiPagesOnPostgresTest extends JdbiPagesTest {
    @Override
    boolean postgres() {
        return true;
    }
}
