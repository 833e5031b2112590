package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiFollowUpsTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiFollowUpsOnPostgresTest extends JdbiFollowUpsTest {
    @Override
    boolean postgres() {
        return true;
    }
}
