package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiTrackersTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiTrackersOnPostgresTest extends JdbiTrackersTest {
    @Override
    boolean postgres() {
        return true;
    }
}
