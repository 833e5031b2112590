package io.incidentbot.reliability;

import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.pager.oncall.EscalationDm;
import io.incidentbot.reminders.ReminderNote;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.slack.jobs.SlackJobs;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upgrade with a backlog (issue 20): a database written by the release before subscribers (commit 7feadc0,
 * see {@code src/test/resources/legacy/README.md}), whose outbox holds pending jobs of every kind in that
 * release's payload shapes and a few older ones (commit 621b8ea), is opened by this release (migration V10)
 * and every one of its jobs is delivered to the Slack stand-in; none fails.
 */
class LegacyOutboxTest {
    private static final Path LEGACY = Path.of("src/test/resources/legacy/outbox-7feadc0.db");

    @TempDir
    Path dir;
    private SlackStandIn slack;
    private RunningBot bot;

    @AfterEach
    void close() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    @Test
    void everyJobQueuedByThePreviousReleaseIsDeliveredAfterTheUpgrade() throws Exception {
        Path db = dir.resolve("incidents.db");
        Files.copy(LEGACY, db);
        slack = new SlackStandIn();
        String respondUrl = slack.url("/response/legacy");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement("UPDATE outbox SET payload = replace(payload, ?, ?)")) {
            s.setString(1, "http://response.invalid/respond/1");
            s.setString(2, respondUrl);
            assertThat(s.executeUpdate()).isGreaterThan(0);
        }

        bot = RunningBot.start(slack, db);
        await("every legacy job delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);

        List<OutboxRepository.FailedJob> failed = bot.bot.storage().read(r -> r.outbox().failed(100));
        assertThat(failed).as("no job failed").isEmpty();

        Map<String, String> channels = slack.channels();
        String one = channels.get("inc-1-checkout-down");
        String three = channels.values().stream().filter(id -> !id.equals(one)).findFirst().orElseThrow();
        assertThat(texts(one)).as("incident 1: created, changes, legacy post, update reminder").anySatisfy(t ->
                assertThat(t).contains("Deploy checkout v2.3")).anySatisfy(t ->
                assertThat(t).contains("changed status: investigating → identified"));
        assertThat(slack.calls("conversations.invite")).extracting(call -> call.arg("users"))
                .contains("UALICE001", "UBOB00001");
        assertThat(texts("CLEGACY02")).as("incident 2's channel posts, quote, reminders").anySatisfy(t ->
                assertThat(t).contains("changed severity: Severity SEV3 → SEV1")).anySatisfy(t ->
                assertThat(t).contains("assigned comms")).anySatisfy(t ->
                assertThat(t).contains("Index rebuild started")).anySatisfy(t ->
                assertThat(t).contains("Rebuilding the search index")).anySatisfy(t ->
                assertThat(t).contains("Alert on index lag")).anySatisfy(t ->
                assertThat(t).contains("reopened incident 2")).anySatisfy(t ->
                assertThat(t).contains("Customers report empty search results"));
        assertThat(texts(three)).as("incident 3, declared by an alert group").anySatisfy(t ->
                assertThat(t).contains("HighErrorRate"));
        List<String> announced = texts("CANNOUNCE1");
        assertThat(announced).as("typed announcements of 7feadc0 and the untyped ones of 621b8ea").anySatisfy(t ->
                assertThat(t).contains("Checkout down")).anySatisfy(t ->
                assertThat(t).contains("Rebuilding the search index")).anySatisfy(t ->
                assertThat(t).contains("Rolling back the checkout deploy")).anySatisfy(t ->
                assertThat(t).contains("HighErrorRate")).anySatisfy(t ->
                assertThat(t).contains("Search slow").contains("resolved"));
        assertThat(announced.stream().filter(t -> t.contains("Checkout down")).count())
                .as("incident 1 is announced twice: the typed job and the untyped one").isEqualTo(2);
        assertThat(slack.uploads()).as("incident 2's postmortem drafts").isNotEmpty();
        assertThat(slack.callCounts()).containsKey("response_url");
    }

    /**
     * A rolling upgrade: jobs the previous release queued lack the primitive fields this release added to their payload
     * records (the escalation's {@code round}, the lead reminder's {@code emptyChannel}); each reads as its default,
     * 0 or false, and a field this release does not know is ignored. No bot: the worker reads payloads this way.
     */
    @Test
    void aJobQueuedBeforeAPrimitiveFieldWasAddedReadsItAsItsDefault() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        OutboxJob dm = new OutboxJob(1, 3, EscalationDm.SUBSCRIBER, EscalationDm.KIND,
                "{\"v\":1,\"incident\":3,\"step\":1,\"user\":\"U0ONCALL1\",\"addedLater\":\"x\"}", 0, at, at);
        assertThat(Payloads.read(dm, EscalationDm.class)).isEqualTo(new EscalationDm(3, 1, 0, "U0ONCALL1"));

        OutboxJob remind = new OutboxJob(2, 3, "slack", SlackJob.Kind.REMIND.name(),
                "{\"v\":1,\"note\":{\"type\":\"lead_missing\",\"incident\":3,\"since\":2400.0}}", 0, at, at);
        assertThat(SlackJobs.read(remind)).isEqualTo(new SlackJob.Remind(new ReminderNote.LeadMissing(3, Duration.ofMinutes(40))));
    }

    private List<String> texts(String channel) {
        return slack.messages(channel).stream().map(m -> String.valueOf(m.get("text"))).toList();
    }
}
