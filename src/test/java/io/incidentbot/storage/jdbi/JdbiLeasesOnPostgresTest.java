package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiLeasesTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiLeasesOnPostgresTest extends JdbiLeasesTest {
    @Override
    boolean postgres() {
        return true;
    }
}
