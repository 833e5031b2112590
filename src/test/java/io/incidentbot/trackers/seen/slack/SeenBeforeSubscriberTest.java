package io.incidentbot.trackers.seen.slack;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpState;
import io.incidentbot.trackers.seen.SeenBeforeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Seen before" on declare, from stored incidents to the one post queued in the new incident's Slack lane: what it
 * says (number, title, severity, time to resolve, why, channel, draft link, open follow-ups with owner, due and
 * tracker link), that it is queued once, nothing when nothing is similar, and never a private incident shown in a
 * channel whose members may not see it.
 */
class SeenBeforeSubscriberTest {
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;
    JdbiStorage storage;
    final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    SeenBeforeSubscriber seen;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        seen = new SeenBeforeSubscriber(storage, new SeenBeforeSource(Duration.ofHours(24)), clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static long incident(Repositories r, String title, boolean secret, String declarer, Instant at) {
        long n = r.incidents().create(title, Severity.SEV2, secret, null, declarer, at).number();
        r.participants().add(n, declarer, at);
        r.incidents().setChannel(n, "CINC" + n, "inc-" + n);
        return n;
    }

    private static void resolve(Repositories r, long n, Instant at) {
        r.incidents().setStatus(n, Status.RESOLVED, null, null, at);
    }

    /** Runs the compare job of incident {@code n}. @return the texts of the Slack posts queued for it */
    private List<String> compare(long n) {
        JobHandler.Outcome outcome = seen.routes().handle(new OutboxJob(n * 100, n, SeenBeforeSubscriber.NAME, "compare",
                Payloads.write(new SeenBeforeSubscriber.Compare(n)), 0, clock.instant(), clock.instant()));
        assertThat(outcome.type()).isEqualTo(JobHandler.Outcome.Type.DONE);
        return storage.read(r -> r.outbox().dueHeads(Instant.parse("9999-01-01T00:00:00Z"), 100)).stream()
                .filter(j -> j.incident() == n && SlackJobs.SUBSCRIBER.equals(j.subscriber()))
                .map(j -> SlackJobs.read(j, SlackJob.ChannelPost.class).text()).toList();
    }

    @Test
    void theNewChannelIsToldOnceOfTheSimilarIncidentWithItsOpenFollowUps() {
        long old = storage.transaction(r -> {
            long n = incident(r, "Card payments failing at checkout", false, "U1", T0);
            resolve(r, n, T0.plus(Duration.ofMinutes(150)));
            r.outbox().rememberSent(n, "postmortem", "https://files.example/pm1");
            long alert = r.followUps().add(n, "add a PSP timeout alert", "UBOB00001", "U1", T0).id();
            r.trackers().plan(alert, LocalDate.parse("2026-12-01"), 2);
            r.trackers().claimExport(alert, "github", "U1", T0);
            r.trackers().exported(alert, "acme/ops#3", "https://github.com/acme/ops/issues/3", T0);
            long done = r.followUps().add(n, "raise the pool size", "U2", "U1", T0).id();
            r.trackers().changeState(done, FollowUpState.DONE, "U2", T0, "slack");
            incident(r, "Grafana dashboards slow to load", false, "U1", T0.plusSeconds(60));
            return n;
        });
        long fresh = storage.transaction(r -> incident(r, "Checkout card payments failing", false, "U3", T0.plus(Duration.ofDays(30))));

        List<String> posts = compare(fresh);
        assertThat(posts).singleElement().satisfies(t -> assertThat(t)
                .startsWith(":repeat: *Seen before*: 1 earlier incident looks like this one.")
                .contains("*Incident " + old + ": Card payments failing at checkout* · SEV2 · <!date^" + T0.getEpochSecond(),
                        "resolved in 2 h 30 min · similar title and summary", "<#CINC" + old + "> · <https://files.example/pm1|postmortem draft>",
                        "Open follow-ups (1):", "add a PSP timeout alert", "open · <@UBOB00001> · due 2026-12-01 *overdue* · P2 · "
                                + "<https://github.com/acme/ops/issues/3|acme/ops#3>")
                .doesNotContain("raise the pool size", "Grafana"));
        assertThat(compare(fresh)).as("a compare job run again queues nothing more").hasSize(1);
    }

    @Test
    void nothingIsPostedWhenNothingIsSimilar() {
        storage.run(r -> incident(r, "Kafka consumer lag on events topic", false, "U1", T0));
        long fresh = storage.transaction(r -> incident(r, "Login page returns 500", false, "U1", T0.plusSeconds(3600)));
        assertThat(compare(fresh)).isEmpty();
    }

    @Test
    void aPrivateIncidentIsShownOnlyInAPrivateChannelAllOfWhoseMembersMaySeeIt() {
        long secret = storage.transaction(r -> {
            long n = incident(r, "Payroll export leaked salaries", true, "U9", T0);
            r.participants().add(n, "U8", T0);
            return n;
        });
        long open = storage.transaction(r -> incident(r, "Payroll export leaked salaries again", false, "U9", T0.plusSeconds(600)));
        assertThat(compare(open)).as("a public channel").isEmpty();
        long strangers = storage.transaction(r -> {
            long n = incident(r, "Payroll export leaked salaries again", true, "U9", T0.plusSeconds(1200));
            r.participants().add(n, "U7", T0.plusSeconds(1200));
            return n;
        });
        assertThat(compare(strangers)).as("U7 may not see incident " + secret).singleElement()
                .satisfies(t -> assertThat(t).contains("Incident " + open + ":").doesNotContain("Incident " + secret + ":"));
        long insiders = storage.transaction(r -> {
            long n = incident(r, "Payroll export leaked salaries, third time", true, "U8", T0.plusSeconds(1800));
            r.participants().add(n, "U9", T0.plusSeconds(1800));
            return n;
        });
        assertThat(compare(insiders)).singleElement().satisfies(t -> assertThat(t).contains("Incident " + secret + ":"));
    }
}
