package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiOutboxTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiOutboxOnPostgresTest extends JdbiOutboxTest {
    @Override
    boolean postgres() {
        return true;
    }
}
