package io.incidentbot.pager.oncall;

import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Escalation in Slack on a settable clock: step 1 at once, step 2 after its minutes, repeats, stops, restarts. */
class SlackEscalationTest {
    private static final Instant T0 = Instant.parse("2026-01-13T12:00:00Z");

    @TempDir
    Path dir;
    Storage storage;
    final TestClock clock = new TestClock(T0);
    final OncallPolicy policy = OncallFile.parse("oncall.yml", OncallFileTest.GOOD);
    long incident;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        incident = storage.transaction(r -> r.incidents().create("DB down", Severity.SEV1, false, null, "U0DECLARE", T0).number());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private SlackEscalation escalation(int repeat) {
        return new SlackEscalation(policy, repeat, storage, clock);
    }

    private List<List<String>> sent(SlackEscalation e) {
        return e.sendDue().stream().map(SlackEscalation.Message::recipients).toList();
    }

    @Test
    void stepOneAtOnceThenStepTwoAfterItsMinutesThenTheRepeatsThenNothing() {
        SlackEscalation e = escalation(1);
        storage.run(r -> e.start(r, incident, T0));

        assertThat(sent(e)).as("step 1: primary's on-call this week").containsExactly(List.of("U0BBBBBBB"));
        assertThat(sent(e)).as("sent once").isEmpty();
        clock.advance(Duration.ofMinutes(9));
        assertThat(sent(e)).as("step 1 waits 10 minutes").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sent(e)).containsExactly(List.of("U0EEEEEEE", "U0FFFFFFF"));
        clock.advance(Duration.ofMinutes(15));
        assertThat(sent(e)).as("the policy repeats").containsExactly(List.of("U0BBBBBBB"));
        clock.advance(Duration.ofMinutes(10));
        assertThat(sent(e)).containsExactly(List.of("U0EEEEEEE", "U0FFFFFFF"));
        clock.advance(Duration.ofHours(5));
        assertThat(sent(e)).as("INCIDENT_PAGE_REPEAT=1: two passes in all").isEmpty();
    }

    @Test
    void anAcknowledgementOrResolveStopsItForEveryone() {
        SlackEscalation e = escalation(2);
        storage.run(r -> e.start(r, incident, T0));
        assertThat(sent(e)).hasSize(1);
        storage.run(r -> e.stop(r, incident));
        clock.advance(Duration.ofHours(1));
        assertThat(sent(e)).isEmpty();
    }

    @Test
    void aRestartKeepsTheScheduleAndTwoReplicasSendEachStepOnce() {
        storage.run(r -> escalation(2).start(r, incident, T0));
        assertThat(sent(escalation(2))).hasSize(1);
        storage.close();
        storage = Database.open(dir.resolve("incidents.db").toString());

        SlackEscalation a = escalation(2);
        SlackEscalation b = escalation(2);
        clock.advance(Duration.ofMinutes(5));
        assertThat(sent(a)).as("step 2 is still 5 minutes away after the restart").isEmpty();
        clock.advance(Duration.ofMinutes(5));
        List<List<String>> fromA = sent(a);
        List<List<String>> fromB = sent(b);
        assertThat(fromA.size() + fromB.size()).isEqualTo(1);
    }
}
