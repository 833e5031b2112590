package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiStorageTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiStorageOnPostgresTest extends JdbiStorageTest {
    @Override
    boolean postgres() {
        return true;
    }
}
