package io.incidentbot.pager;

import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;
import io.incidentbot.testkit.GoAlertStandIn;
import io.incidentbot.testkit.PagerDutyStandIn;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which pages an incident's changes trigger and resolve, stored in the change's transaction, then delivered. */
class PagePlannerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T03:12:00Z");

    @TempDir
    Path dir;
    Storage storage;
    PagerDutyStandIn pagerDuty;
    GoAlertStandIn goAlert;
    PagePlanner planner;
    PageDelivery delivery;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("incidents.db").toString());
        pagerDuty = new PagerDutyStandIn();
        goAlert = new GoAlertStandIn();
        PagerSettings settings = PagerSettings.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY,
                "PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl().toString(), "GOALERT_URL", goAlert.integrationUrl().toString()));
        planner = new PagePlanner(settings);
        OkHttpClient http = new OkHttpClient();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        delivery = new PageDelivery(Map.of(
                PagerKind.PAGERDUTY, new PagerDutyClient(settings.pagerDutyEventsUrl(), settings.pagerDutyRoutingKey(), http, clock),
                PagerKind.GOALERT, new GoAlertClient(settings.goAlertUrl(), http, clock)),
                io.incidentbot.incident.Transactions.withoutSubscribers(storage, clock));
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
        pagerDuty.close();
        goAlert.close();
    }

    private long declare(Severity severity, boolean privateIncident) {
        return storage.transaction(r -> {
            long n = r.incidents().create("Checkout down", severity, privateIncident, null, "U_DECLARER", T0).number();
            r.incidents().setRole(n, Role.LEAD, "U_LEAD", T0);
            r.userNames().put("U_LEAD", "Ada Lead", T0);
            return n;
        });
    }

    private List<PageJob> plan(Storage.Work<List<PageJob>> work) {
        return storage.transaction(work);
    }

    private Page page(long n, PagerKind pager) {
        return storage.read(r -> r.pages().find(n, pager)).orElseThrow();
    }

    @Test
    void aSev1DeclarePagesEveryPagerOnceAndResolveResolvesThemAll() {
        long n = declare(Severity.SEV1, false);
        List<PageJob> jobs = plan(r -> planner.declared(r, n, T0));
        assertThat(jobs).extracting(PageJob::pager).containsExactly(PagerKind.PAGERDUTY, PagerKind.GOALERT);
        assertThat(jobs).allSatisfy(j -> assertThat(j.action()).isEqualTo(PageJob.TRIGGER));
        assertThat(jobs.get(0).page().summary()).isEqualTo("SEV1 incident " + n + ": Checkout down");
        assertThat(jobs.get(0).page().lead()).isEqualTo("Ada Lead");
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.TRIGGERED);

        jobs.forEach(j -> delivery.deliver(outboxJob(1), j));
        assertThat(pagerDuty.alert("incident-bot-" + n)).isEqualTo("triggered");
        assertThat(goAlert.alert("incident-bot-" + n)).isEqualTo("active");
        assertThat(page(n, PagerKind.GOALERT).externalId()).as("GoAlert's AlertID").isNotNull();

        List<PageJob> resolves = plan(r -> planner.resolved(r, n, T0.plusSeconds(600)));
        assertThat(resolves).extracting(PageJob::action).containsOnly(PageJob.RESOLVE).hasSize(2);
        resolves.forEach(j -> delivery.deliver(outboxJob(1), j));
        assertThat(pagerDuty.alert("incident-bot-" + n)).isEqualTo("resolved");
        assertThat(goAlert.alert("incident-bot-" + n)).isEqualTo("closed");
        assertThat(plan(r -> planner.resolved(r, n, T0.plusSeconds(700)))).as("resolved once").isEmpty();
    }

    @Test
    void belowTheThresholdNothingPagesUntilRaisedIntoItAndThenOnlyOnce() {
        long n = declare(Severity.SEV3, false);
        assertThat(plan(r -> planner.declared(r, n, T0))).isEmpty();
        List<Page> none = storage.read(r -> r.pages().forIncident(n));
        assertThat(none).isEmpty();

        assertThat(plan(r -> planner.severityChanged(r, n, Severity.SEV3, Severity.SEV2, T0.plusSeconds(60)))).hasSize(2);
        assertThat(plan(r -> planner.severityChanged(r, n, Severity.SEV2, Severity.SEV3, T0.plusSeconds(120))))
                .as("lowering does not un-page").isEmpty();
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.TRIGGERED);
        assertThat(plan(r -> planner.severityChanged(r, n, Severity.SEV3, Severity.SEV1, T0.plusSeconds(180))))
                .as("raised into it again: paged once already").isEmpty();
    }

    @Test
    void reopeningTriggersAgainAndAManualPageWorksAtAnySeverityOncePerPress() {
        long n = declare(Severity.SEV4, false);
        List<PageJob> manual = plan(r -> planner.manual(r, n, "U_PAGER", "please join", T0));
        assertThat(manual).hasSize(2);
        assertThat(manual.get(0).page().pagedBy()).isEqualTo("U_PAGER");
        assertThat(manual.get(0).page().message()).isEqualTo("please join");
        assertThat(page(n, PagerKind.PAGERDUTY).pagedBy()).isEqualTo("U_PAGER");
        assertThat(plan(r -> planner.manual(r, n, "U_PAGER", null, T0.plusSeconds(5)))).as("a second press").hasSize(2);

        plan(r -> planner.resolved(r, n, T0.plusSeconds(60)));
        storage.run(r -> r.incidents().setStatus(n, Status.INVESTIGATING, null, null, null));
        List<PageJob> again = plan(r -> planner.reopened(r, n, "U_REOPENER", T0.plusSeconds(120)));
        assertThat(again).extracting(PageJob::action).containsOnly(PageJob.TRIGGER).hasSize(2);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.TRIGGERED);
        assertThat(page(n, PagerKind.PAGERDUTY).firstPagedAt()).isEqualTo(T0);
    }

    @Test
    void aPrivateIncidentsPageCarriesNoTitleAndAPagerThatRefusesForGoodLeavesItsErrorOnThePage() {
        long n = declare(Severity.SEV1, true);
        List<PageJob> jobs = plan(r -> planner.declared(r, n, T0));
        assertThat(jobs.get(0).page().summary()).isEqualTo("private incident " + n);
        assertThat(jobs.get(0).page().title()).isNull();

        pagerDuty.failNext(400, null, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"Invalid routing key\"]}");
        Delivery refused = delivery.deliver(outboxJob(1), jobs.get(0));
        assertThat(refused.type()).isEqualTo(Delivery.Type.FAIL);
        assertThat(page(n, PagerKind.PAGERDUTY).error()).isEqualTo("PagerDuty answered 400: Event object is invalid; Invalid routing key");
        assertThat(delivery.deliver(outboxJob(1), jobs.get(0)).type()).isEqualTo(Delivery.Type.DONE);
        assertThat(page(n, PagerKind.PAGERDUTY).error()).as("cleared by the retry").isNull();
    }

    /** @return an outbox job with this ID (the delivery marks its timeline entry as written by it) */
    private static io.incidentbot.outbox.OutboxJob outboxJob(long id) {
        return new io.incidentbot.outbox.OutboxJob(id, 1, "pagerduty", PageJob.TRIGGER, "{}", 0, T0, T0);
    }

    private List<String> pageEntries(long n) {
        return storage.read(r -> r.timeline().list(n)).stream().filter(e -> e.kind() == io.incidentbot.timeline.EntryKind.PAGE)
                .map(io.incidentbot.timeline.TimelineEntry::text).toList();
    }

    /** Issue 21: an automatic page or resolve the pager accepted is a timeline entry, once however often its job ran. */
    @Test
    void anAcceptedAutomaticPageAndResolveAreTimelineEntriesOncePerJobAndAManualPageWritesNone() {
        long n = declare(Severity.SEV1, false);
        List<PageJob> jobs = plan(r -> planner.declared(r, n, T0));
        assertThat(delivery.deliver(outboxJob(11), jobs.get(0)).type()).isEqualTo(Delivery.Type.DONE);
        assertThat(delivery.deliver(outboxJob(11), jobs.get(0)).type()).as("a retry after a lost mark").isEqualTo(Delivery.Type.DONE);
        assertThat(delivery.deliver(outboxJob(12), jobs.get(1)).type()).isEqualTo(Delivery.Type.DONE);
        pagerDuty.failNext(500, null, "{}");
        assertThat(delivery.deliver(outboxJob(13), plan(r -> planner.manual(r, n, "U_PAGER", "look", T0)).get(0)).type())
                .isEqualTo(Delivery.Type.RETRY);
        assertThat(delivery.deliver(outboxJob(13), plan(r -> planner.manual(r, n, "U_PAGER", "look", T0)).get(0)).type())
                .isEqualTo(Delivery.Type.DONE);
        storage.run(r -> r.incidents().setStatus(n, Status.RESOLVED, null, null, null));
        List<PageJob> resolves = plan(r -> planner.resolved(r, n, T0.plusSeconds(60)));
        assertThat(resolves).hasSize(2).allSatisfy(j -> assertThat(delivery.deliver(outboxJob(14 + j.pager().ordinal()), j).type())
                .isEqualTo(Delivery.Type.DONE));
        assertThat(pageEntries(n)).as("no entry for the manual page: its command wrote one").containsExactlyInAnyOrder(
                "Paged PagerDuty: SEV1 incident " + n + ": Checkout down", "Paged GoAlert: SEV1 incident " + n + ": Checkout down",
                "Resolved the page in PagerDuty", "Resolved the page in GoAlert");
    }

    /** A page job queued by the previous release (no {@code announce}) is still read, and writes no entry. */
    @Test
    void aJobQueuedBeforeAnnounceExistedIsReadAsNotAnnounced() {
        long n = declare(Severity.SEV1, false);
        PageJob job = plan(r -> planner.declared(r, n, T0)).get(0);
        String old = io.incidentbot.outbox.Payloads.write(job).replace(",\"announce\":true", "");
        assertThat(old).doesNotContain("announce");
        PageJob read = io.incidentbot.outbox.Payloads.read(new io.incidentbot.outbox.OutboxJob(21, n, "pagerduty",
                PageJob.TRIGGER, old, 0, T0, T0), PageJob.class);
        assertThat(read.announced()).isFalse();
        assertThat(read.page()).isEqualTo(job.page());
    }

    @Test
    void withPagingOffNothingPagesButAManualPageStillDoes() {
        PagePlanner off = new PagePlanner(PagerSettings.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY,
                "INCIDENT_PAGE_SEVERITY", "off")));
        long n = declare(Severity.SEV1, false);
        assertThat(plan(r -> off.declared(r, n, T0))).isEmpty();
        assertThat(plan(r -> off.manual(r, n, "U_PAGER", null, T0))).hasSize(1);
    }

    /** Issue 21: "One dedup key per incident, incident-bot-&lt;n&gt; (with a workspace prefix when several workspaces share a pager)". */
    @Test
    void aWorkspacePrefixGoesIntoTheDedupKeyAndAnotherWorkspacesAcknowledgementIsNotOurs() {
        PagePlanner acme = new PagePlanner(PagerSettings.fromEnv(Map.of("PAGERDUTY_ROUTING_KEY", PagerDutyStandIn.ROUTING_KEY,
                "PAGERDUTY_EVENTS_URL", pagerDuty.eventsUrl().toString(), "INCIDENT_WORKSPACE_PREFIX", "acme")));
        long n = declare(Severity.SEV1, false);
        List<PageJob> jobs = plan(r -> acme.declared(r, n, T0));
        assertThat(jobs).singleElement().satisfies(j -> assertThat(j.page().dedupKey()).isEqualTo("incident-bot-acme-" + n));
        jobs.forEach(j -> delivery.deliver(outboxJob(1), j));
        assertThat(pagerDuty.alert("incident-bot-acme-" + n)).isEqualTo("triggered");

        PageSignals.Applied other = storage.transaction(r -> PageSignals.apply(r, ack("evt-globex", "incident-bot-globex-" + n), T0));
        assertThat(other.outcome()).as("same number, other workspace").isEqualTo(PageSignals.Outcome.NOT_OURS);
        PageSignals.Applied bare = storage.transaction(r -> PageSignals.apply(r, ack("evt-bare", "incident-bot-" + n), T0));
        assertThat(bare.outcome()).as("a workspace without a prefix").isEqualTo(PageSignals.Outcome.NOT_OURS);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.TRIGGERED);
        PageSignals.Applied ours = storage.transaction(r -> PageSignals.apply(r, ack("evt-acme", "incident-bot-acme-" + n), T0));
        assertThat(ours.outcome()).isEqualTo(PageSignals.Outcome.APPLIED);
        assertThat(page(n, PagerKind.PAGERDUTY).state()).isEqualTo(Page.State.ACKNOWLEDGED);

        plan(r -> acme.resolved(r, n, T0.plusSeconds(60))).forEach(j -> delivery.deliver(outboxJob(1), j));
        assertThat(pagerDuty.alert("incident-bot-acme-" + n)).as("resolved with the same key").isEqualTo("resolved");
    }

    private static io.incidentbot.pager.inbound.PagerSignal ack(String eventId, String dedupKey) {
        return new io.incidentbot.pager.inbound.PagerSignal(PagerKind.PAGERDUTY, eventId,
                io.incidentbot.pager.inbound.PagerSignal.Kind.ACKNOWLEDGED, dedupKey, null, "Ana Oncall", null, null, T0);
    }

    /**
     * Issue 21, "Nobody alone in an empty channel": an alert-declared incident invites INCIDENT_ALERT_INVITE's people,
     * its user groups too (expanded by the invite job with {@code usergroups.users.list}).
     */
    @Test
    void anAlertDeclaredIncidentInvitesTheAlertInviteUsersAndADeclareByHandDoesNot() {
        PagerSettings settings = PagerSettings.fromEnv(Map.of("INCIDENT_ALERT_INVITE", "U0ONCALL1, S0GROUP01 W0ENT0001"));
        io.incidentbot.incident.Transactions transactions = io.incidentbot.incident.Transactions.withoutSubscribers(storage,
                Clock.fixed(T0, ZoneOffset.UTC)).subscribe(new PagerSubscriber(new PagePlanner(settings), null, settings.alertInvite()));
        for (boolean byAlert : List.of(true, false)) {
            transactions.run(work -> {
                long n = work.repositories().incidents().create(byAlert ? "HighErrorRate" : "Slow search", Severity.SEV3,
                        false, null, "U_DECLARER", T0).number();
                work.record(new io.incidentbot.incident.IncidentEvent.Declared(n, "U_DECLARER", Severity.SEV3, "t", false,
                        byAlert, T0, null));
                return n;
            });
        }
        List<io.incidentbot.outbox.OutboxJob> jobs = storage.transaction(r -> r.outbox().claim(T0, "test", T0.plusSeconds(30), 10));
        assertThat(jobs).singleElement().satisfies(j -> {
            assertThat(j.incident()).isEqualTo(1);
            assertThat(io.incidentbot.slack.jobs.SlackJobs.read(j)).isEqualTo(new io.incidentbot.slack.jobs.SlackJob.Invite(
                    List.of("U0ONCALL1", "W0ENT0001"), null, List.of(), List.of("S0GROUP01")));
        });
    }
}
