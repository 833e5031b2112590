package io.incidentbot.storage.jdbi;

/** Every test of {@link JdbiParticipantsTest}, on a fresh PostgreSQL database (the storage contract suite). */
class JdbiParticipantsOnPostgresTest extends JdbiParticipantsTest {
    @Override
    boolean postgres() {
        return true;
    }
}
