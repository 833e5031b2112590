package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiIncidentsTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiIncidentsOnPostgresTest extends JdbiIncidentsTest {
    @Override
    boolean postgres() {
        return true;
    }
}
