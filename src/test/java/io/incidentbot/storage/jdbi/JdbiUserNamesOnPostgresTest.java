package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiUserNamesTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiUserNamesOnPostgresTest extends JdbiUserNamesTest {
    @Override
    boolean postgres() {
        return true;
    }
}
