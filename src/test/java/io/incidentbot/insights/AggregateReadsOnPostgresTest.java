package io.incidentbot.insights;

import io.incidentbot.store.OutboxRepository;
import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate reads behind the insights and the outbox pending gauge on PostgreSQL give what they give
 * on SQLite ({@link StatsServiceTest}'s seed and figures). Skipped when no PostgreSQL server can be had.
 */
class AggregateReadsOnPostgresTest {
    private String url;
    private JdbiStorage storage;

    @BeforeEach
    void open() {
        url = TestPostgres.createDatabase();
        storage = Database.open(url);
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
        if (url != null) {
            TestPostgres.drop(url);
        }
    }

    @Test
    void insightsCountTheWindowsIncidentsAndFollowUps() {
        storage.run(StatsServiceTest::seed);
        IncidentStats s = new StatsService(storage, new TestClock(StatsServiceTest.NOW)).stats(Duration.ofDays(90),
                ZoneId.of("UTC"));

        assertThat(s.declared()).isEqualTo(6);
        assertThat(s.privateCount()).isEqualTo(1);
        assertThat(s.followUps()).isEqualTo(3);
        assertThat(s.byOwner()).containsExactly(Map.entry("UALICE", 2));
        assertThat(s.longestOpen()).extracting(IncidentTimes::severity).containsExactly(Severity.SEV3, Severity.SEV1);
    }

    @Test
    void pendingJobsAreCountedByKind() {
        Instant t = StatsServiceTest.NOW;
        storage.run(r -> {
            r.outbox().enqueue(1, "slack", "SYNC_HEADER", "{}", t);
            r.outbox().enqueue(1, "slack", "ANNOUNCE", "{}", t);
            r.outbox().enqueue(2, "slack", "ANNOUNCE", "{}", t);
        });

        Map<OutboxRepository.JobType, Long> pending = storage.read(r -> r.outbox().pendingByKind());
        assertThat(pending).containsOnly(Map.entry(new OutboxRepository.JobType("slack", "SYNC_HEADER"), 1L),
                Map.entry(new OutboxRepository.JobType("slack", "ANNOUNCE"), 2L));
    }
}
