package io.incidentbot.incident;

import io.incidentbot.incident.IncidentEvent.FollowUpRecorded;
import io.incidentbot.incident.IncidentEvent.Reopened;
import io.incidentbot.incident.IncidentEvent.RoleAssigned;
import io.incidentbot.incident.IncidentEvent.SeverityChanged;
import io.incidentbot.incident.IncidentEvent.StatusChanged;
import io.incidentbot.slack.jobs.Deliveries;
import io.incidentbot.slack.jobs.SlackJob;
import io.incidentbot.outbox.JobHandler;
import io.incidentbot.outbox.OutboxWorker;
import io.incidentbot.outbox.RecordingHandler;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The incident use cases against a real SQLite file: state, timeline entries and the typed Slack work they queue. */
class IncidentServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final String ALICE = "UALICE001";
    private static final String BOB = "UBOB00001";
    private static final String CHANNEL = "CINC00001";
    private static final String RESPOND = "https://hooks.slack.test/respond/1";

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private final TestClock clock = new TestClock(T0);
    private final RecordingHandler handler = new RecordingHandler();
    private OutboxWorker worker;
    private IncidentService incidents;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        worker = new OutboxWorker(storage, handler, clock, TestClock.sameThread(), OutboxWorker.Policy.defaults());
        incidents = new IncidentService(io.incidentbot.testkit.Units.slack(storage, clock, true));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    /** Delivers every queued job (to the recording handler) and returns their payloads in delivery order. */
    private List<SlackJob> deliverAll() {
        int before = handler.payloads.size();
        for (int i = 0; i < 100 && storage.read(r -> r.outbox().pendingCount()) > 0; i++) {
            worker.dispatchDue();
        }
        return new ArrayList<>(handler.payloads.subList(before, handler.payloads.size()));
    }

    private Incident declareWithChannel(Severity severity, boolean privateIncident) {
        Incident inc = incidents.declare(new Declaration("Checkout down", severity, null, privateIncident, ALICE, RESPOND));
        deliverAll();
        new Deliveries(storage).linkChannel(inc.number(), CHANNEL, "inc-1-checkout-down");
        return inc;
    }

    private List<TimelineEntry> timeline() {
        List<TimelineEntry> entries = storage.read(r -> r.timeline().list(1));
        return entries;
    }

    @Test
    void declaringStoresTheIncidentAndQueuesChannelInviteTopicHeaderAndAnnouncement() {
        Incident inc = incidents.declare(new Declaration("  Checkout down ", Severity.SEV2, "500s on /pay", false, ALICE, RESPOND));

        assertThat(inc.number()).isEqualTo(1);
        assertThat(inc.title()).isEqualTo("Checkout down");
        assertThat(inc.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(inc.lead()).contains(ALICE);
        assertThat(deliverAll()).containsExactly(
                new SlackJob.CreateChannel(RESPOND),
                new SlackJob.Invite(List.of(ALICE), RESPOND),
                new SlackJob.SyncTopic(),
                new SlackJob.SyncHeader(RESPOND),
                new SlackJob.Announce(new SlackJob.Declared(1, Severity.SEV2, "Checkout down", ALICE, false)));
        assertThat(timeline()).extracting(TimelineEntry::kind, TimelineEntry::userId, TimelineEntry::text, TimelineEntry::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EntryKind.DECLARED, ALICE,
                        "Declared SEV2: Checkout down\n500s on /pay", T0));
    }

    @Test
    void aStatusChangeSetsItsTimesAndQueuesTheHeaderAndTopicThenItsTypedPost() {
        declareWithChannel(Severity.SEV1, false);
        clock.advance(Duration.ofMinutes(5));
        Instant at = clock.instant();

        Incident after = incidents.setStatus(CHANNEL, Status.MONITORING, BOB);

        assertThat(after.status()).isEqualTo(Status.MONITORING);
        assertThat(after.identifiedAt()).isEqualTo(at);
        assertThat(after.mitigatedAt()).isEqualTo(at);
        // the action's one post is queued when it commits, after the header and topic syncs
        assertThat(deliverAll()).containsExactly(
                new SlackJob.SyncHeader(null),
                new SlackJob.SyncTopic(),
                new SlackJob.ChannelPost(new StatusChanged(1, BOB, Status.INVESTIGATING, Status.MONITORING, at)));
        assertThat(timeline()).last().extracting(TimelineEntry::kind, TimelineEntry::text)
                .containsExactly(EntryKind.STATUS_CHANGE, "Status investigating → monitoring");
    }

    @Test
    void theAnnouncementOfAStatusUpdateSaysTheSeverityAndStatusItWasWrittenUnder() {
        declareWithChannel(Severity.SEV1, false);
        incidents.setStatus(CHANNEL, Status.IDENTIFIED, ALICE);
        incidents.statusUpdate(CHANNEL, "Failing over the database", ALICE);
        incidents.setSeverity(CHANNEL, Severity.SEV2, ALICE);
        clock.advance(Duration.ofMinutes(90));
        incidents.resolve(CHANNEL, "Failed over", ALICE);

        List<SlackJob.Announcement> announced = deliverAll().stream()
                .filter(p -> p instanceof SlackJob.Announce).map(p -> ((SlackJob.Announce) p).announcement()).toList();

        assertThat(announced).containsExactly(
                new SlackJob.Update(1, Severity.SEV1, Status.IDENTIFIED, ALICE, "Failing over the database"),
                // issue 13: the resolution announcement carries the resolution summary
                new SlackJob.Resolved(1, "Checkout down", T0, T0.plus(Duration.ofMinutes(90)), "Failed over"));
    }

    @Test
    void refusalsAreTypedAndChangeNothing() {
        declareWithChannel(Severity.SEV1, false);
        int entries = timeline().size();

        assertThatThrownBy(() -> incidents.setStatus(CHANNEL, Status.INVESTIGATING, BOB))
                .isInstanceOfSatisfying(IncidentException.AlreadyInStatus.class, e -> {
                    assertThat(e.incident()).isEqualTo(1);
                    assertThat(e.status()).isEqualTo(Status.INVESTIGATING);
                });
        assertThatThrownBy(() -> incidents.setSeverity(CHANNEL, Severity.SEV1, BOB))
                .isInstanceOf(IncidentException.AlreadySeverity.class);
        assertThatThrownBy(() -> incidents.assignRole(CHANNEL, Role.LEAD, ALICE, BOB))
                .isInstanceOfSatisfying(IncidentException.AlreadyInRole.class, e -> assertThat(e.user()).isEqualTo(ALICE));
        assertThatThrownBy(() -> incidents.note("CNOTINCIDENT", "hello", BOB))
                .isInstanceOfSatisfying(NotAnIncidentChannelException.class, e -> {
                    assertThat(e.operation()).isEqualTo("note");
                    assertThat(e.getMessage()).doesNotContain("/incident", "`");
                });
        assertThatThrownBy(() -> incidents.declare(new Declaration(" ", Severity.SEV1, null, false, BOB, null)))
                .isInstanceOf(IncidentException.TitleBlank.class);
        // issue 13: a title of only zero-width characters shows nothing, like a blank one
        for (String invisible : List.of("\u200B", "\u200C\u200D", "\u2060", "\uFEFF", " \u200B\u00A0\u200D ")) {
            assertThatThrownBy(() -> incidents.declare(new Declaration(invisible, Severity.SEV1, null, false, BOB, null)))
                    .isInstanceOf(IncidentException.TitleBlank.class);
        }
        assertThatThrownBy(() -> incidents.declare(new Declaration("x".repeat(Declaration.MAX_TITLE + 1), Severity.SEV1,
                null, false, BOB, null)))
                .isInstanceOfSatisfying(IncidentException.TitleTooLong.class,
                        e -> assertThat(e.length()).isEqualTo(Declaration.MAX_TITLE + 1));

        assertThat(deliverAll()).isEmpty();
        assertThat(timeline()).hasSize(entries);
        assertThat(incidents.queries().listOpen()).hasSize(1);
    }

    @Test
    void severityRoleAndFollowUpQueueTheirTypedPosts() {
        declareWithChannel(Severity.SEV3, false);

        incidents.setSeverity(CHANNEL, Severity.SEV1, BOB);
        incidents.assignRole(CHANNEL, Role.COMMS, BOB, ALICE);
        incidents.followUp(CHANNEL, "Alert on payment errors", BOB, ALICE);

        assertThat(deliverAll()).filteredOn(p -> p instanceof SlackJob.ChannelPost || p instanceof SlackJob.Invite)
                .containsExactly(
                        new SlackJob.ChannelPost(new SeverityChanged(1, BOB, Severity.SEV3, Severity.SEV1, T0)),
                        new SlackJob.Invite(List.of(BOB), null),
                        new SlackJob.ChannelPost(new RoleAssigned(1, ALICE, Role.COMMS, BOB, T0)),
                        new SlackJob.ChannelPost(new FollowUpRecorded(1, ALICE, 1, "Alert on payment errors", BOB, T0)));
        assertThat(incidents.queries().findByChannel(CHANNEL).orElseThrow().roles()).containsEntry(Role.COMMS, BOB);
        List<FollowUp> followUps = storage.read(r -> r.followUps().list(1));
        assertThat(followUps).extracting(FollowUp::text, FollowUp::ownerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Alert on payment errors", BOB));
    }

    @Test
    void leavingResolvedReopensTheIncident() {
        declareWithChannel(Severity.SEV2, false);
        incidents.resolve(CHANNEL, null, ALICE);
        deliverAll();
        clock.advance(Duration.ofMinutes(3));

        Incident after = incidents.setStatus(CHANNEL, Status.MONITORING, BOB);

        assertThat(after.isOpen()).isTrue();
        assertThat(after.resolvedAt()).isNull();
        assertThat(deliverAll()).filteredOn(p -> p instanceof SlackJob.ChannelPost).first().isEqualTo(new SlackJob.ChannelPost(
                new Reopened(1, BOB, Status.RESOLVED, Status.MONITORING, T0.plus(Duration.ofMinutes(3)))));
        assertThat(timeline()).last().extracting(TimelineEntry::kind, TimelineEntry::text)
                .containsExactly(EntryKind.REOPENED, "Reopened: Status resolved → monitoring");
    }

    @Test
    void aPrivateIncidentIsAnnouncedWithoutDetailsAndItsUpdatesNotAtAll() {
        declareWithChannel(Severity.SEV2, true);
        incidents.statusUpdate(CHANNEL, "Rotating keys", ALICE);
        incidents.resolve(CHANNEL, null, ALICE);

        assertThat(handler.payloads).filteredOn(p -> p instanceof SlackJob.Announce)
                .containsExactly(new SlackJob.Announce(new SlackJob.Declared(1, Severity.SEV2, "Checkout down", ALICE, true)));
        assertThat(deliverAll()).noneMatch(p -> p instanceof SlackJob.Announce);
    }

    @Test
    void aLongPendingJobOfAnotherSubscriberDoesNotBlockRetryingAChannelThatCouldNotBeCreated() {
        Incident inc = incidents.declare(new Declaration("Checkout down", Severity.SEV1, null, false, ALICE, RESPOND));
        StuckIncidents stuck = incidents.stuck(io.incidentbot.slack.jobs.SlackJobs.CREATES_CHANNEL);
        assertThatThrownBy(() -> stuck.retry(inc.number(), ALICE, null)).as("its creation is under way")
                .hasMessage("The channel of incident 1 is still being created.");

        // a page backing off through a pager outage, and Slack refusing the channel for good
        storage.run(r -> r.outbox().enqueue(inc.number(), "pager", "trigger", "{\"v\":1}", T0.plus(Duration.ofHours(1))));
        handler.answer(j -> JobHandler.Outcome.fail("missing_scope"));
        for (int i = 0; i < 20; i++) {
            worker.dispatchDue();
        }
        long waiting = storage.read(r -> r.outbox().pendingCount());
        assertThat(waiting).as("only the page waits").isEqualTo(1);

        assertThat(stuck.retry(inc.number(), ALICE, null).number()).isEqualTo(inc.number());
        assertThatThrownBy(() -> stuck.retry(inc.number(), ALICE, null)).as("the retry's creation is under way")
                .hasMessage("The channel of incident 1 is still being created.");
    }
}
