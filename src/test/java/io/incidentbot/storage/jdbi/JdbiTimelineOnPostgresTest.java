package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiTimelineTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiTimelineOnPostgresTest extends JdbiTimelineTest {
    @Override
    boolean postgres() {
        return true;
    }
}
