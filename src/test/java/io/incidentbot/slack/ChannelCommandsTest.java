package io.incidentbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.markup.Mentions;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The subcommands run from inside an incident channel, through signed HTTP, as people use them. One bot for the
 * class, a new incident per test (whose Slack work, and every earlier test's, is delivered before the test starts);
 * what a test reads from Slack is filtered by its incident's channel.
 */
class ChannelCommandsTest {
    private static final String ALICE = "UALICE001";
    private static final String BOB = "UBOB00001";

    @RegisterExtension
    static final RunningBotExtension kit = new RunningBotExtension();
    static final SlackStandIn slack = kit.slack();
    RunningBot bot;
    IncidentChannel inc;

    @BeforeEach
    void start() {
        bot = kit.bot();
        inc = IncidentChannel.declare(bot, "declare sev2 Checkout errors", ALICE);
        await("declaration's Slack work", 10, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    /**
     * The header and the topic after a command, once the outbox has delivered both.
     *
     * @param header the {@code blocks} JSON of the header's {@code chat.update}
     * @param topic  the channel's topic: the last {@code conversations.setTopic} text
     */
    record Synced(String header, String topic) {
    }

    /** Runs {@code /incident <text>} in the incident channel and waits for the header and topic to be updated. */
    private Synced runAndSync(String text, String expectedReply) {
        int updates = slack.calls("chat.update").size();
        assertThat(inc.say(text, ALICE)).isEqualTo(expectedReply);
        // issue 13: the topic is set only when its text changes, so wait for the outbox to drain rather
        // than for a setTopic call; the topic in Slack is then the last one set
        await("header and topic after " + text, 10, () -> slack.calls("chat.update").size() > updates
                && bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
        // the header's edits (the announcement channel's thread parent is edited too, issue 24)
        List<SlackStandIn.Call> calls = slack.calls("chat.update").stream().filter(c -> inc.id.equals(c.arg("channel"))).toList();
        SlackStandIn.Call update = calls.get(calls.size() - 1);
        assertThat(update.arg("channel")).isEqualTo(inc.id);
        assertThat(update.arg("ts")).isEqualTo(inc.incident().headerTs());
        List<SlackStandIn.Call> setTopic = slack.calls("conversations.setTopic");
        SlackStandIn.Call topic = setTopic.get(setTopic.size() - 1);
        assertThat(topic.arg("channel")).isEqualTo(inc.id);
        return new Synced(json(update.arg("blocks")), topic.arg("topic"));
    }

    /** @return the JSON re-serialized by Jackson, so {@code \u003c} reads {@code <} (the SDK's Gson escapes it) */
    private static String json(String text) {
        try {
            return new ObjectMapper().readTree(text).toString();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private List<String> postedTo(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel")))
                .map(c -> c.arg("text")).toList();
    }

    /** @return the announcement channel's posts about this test's incident (they link its channel) */
    private List<String> announced() {
        return postedTo("CANNOUNCE1").stream().filter(t -> t != null && t.contains("<#" + inc.id + ">")).toList();
    }

    private void awaitAnnounced(String containing) {
        await("an announcement of incident " + inc.number + " containing '" + containing + "'", 10,
                () -> announced().stream().anyMatch(t -> t.contains(containing)));
    }

    private void awaitPosted(String channel, String containing) {
        await("a message containing '" + containing + "' in " + channel, 10,
                () -> postedTo(channel).stream().anyMatch(t -> t != null && t.contains(containing)));
    }

    private List<String> texts(EntryKind kind) {
        return inc.entries(kind).stream().map(Mentions::inEntry).toList();
    }

    @Test
    void statusChangesRecordIdentifiedMitigatedAndResolvedTimesAndUpdateHeaderAndTopic() {
        Synced identified = runAndSync("status identified", "Status set to identified.");
        Incident i = inc.incident();
        assertThat(i.status()).isEqualTo(Status.IDENTIFIED);
        assertThat(i.identifiedAt()).isNotNull();
        assertThat(i.mitigatedAt()).isNull();
        assertThat(identified.header()).contains("*Status*\\nidentified");
        assertThat(identified.topic()).isEqualTo("SEV2 | identified | lead <@UALICE001> | Checkout errors");
        awaitPosted(inc.id, "<@UALICE001> changed status: investigating → identified");

        Synced monitoring = runAndSync("STATUS Monitoring", "Status set to monitoring.");
        i = inc.incident();
        assertThat(i.mitigatedAt()).isNotNull().isAfterOrEqualTo(i.identifiedAt());
        assertThat(monitoring.topic()).contains("monitoring");

        Synced resolved = runAndSync("status resolved", "Status set to resolved.");
        i = inc.incident();
        assertThat(i.status()).isEqualTo(Status.RESOLVED);
        assertThat(i.resolvedAt()).isNotNull().isAfterOrEqualTo(i.mitigatedAt());
        assertThat(resolved.header()).contains("*Status*\\nresolved");
        awaitAnnounced("is resolved");

        assertThat(texts(EntryKind.STATUS_CHANGE)).containsExactly("Status investigating → identified",
                "Status identified → monitoring", "Status monitoring → resolved");
        assertThat(texts(EntryKind.RESOLVED)).containsExactly("Resolved");
        assertThat(inc.say("status identified", ALICE)).isEqualTo("Status set to identified.");
        assertThat(inc.say("status identified", ALICE)).isEqualTo("Incident " + inc.number + " is already identified.");
    }

    @Test
    void goingBackFromResolvedReopensTheIncident() {
        runAndSync("status monitoring", "Status set to monitoring.");
        runAndSync("resolve", "Resolved. The postmortem draft will be posted here shortly.");
        Incident resolved = inc.incident();

        Synced reopened = runAndSync("status investigating", "Status set to investigating.");

        Incident i = inc.incident();
        assertThat(i.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(i.isOpen()).isTrue();
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.identifiedAt()).isEqualTo(resolved.identifiedAt());
        assertThat(i.mitigatedAt()).isEqualTo(resolved.mitigatedAt());
        assertThat(texts(EntryKind.REOPENED)).containsExactly("Reopened: Status resolved → investigating");
        assertThat(reopened.header()).contains("*Status*\\ninvestigating");
        assertThat(reopened.topic()).contains("investigating");
        awaitPosted(inc.id, "reopened incident " + inc.number);
        assertThat(bot.client.say("list", BOB, "CGENERAL1")).contains("Checkout errors — <#" + inc.id + ">");
    }

    @Test
    void sevAndItsAliasSeverityChangeTheSeverity() {
        Synced sev1 = runAndSync("sev sev1", "Severity set to SEV1.");
        assertThat(inc.incident().severity()).isEqualTo(Severity.SEV1);
        assertThat(sev1.header()).contains("*Severity*\\nSEV1");
        assertThat(sev1.topic()).startsWith("SEV1 | investigating");

        Synced sev4 = runAndSync("severity SEV4", "Severity set to SEV4.");
        assertThat(inc.incident().severity()).isEqualTo(Severity.SEV4);
        assertThat(sev4.topic()).startsWith("SEV4 |");
        assertThat(texts(EntryKind.SEVERITY_CHANGE)).containsExactly("Severity SEV2 → SEV1", "Severity SEV1 → SEV4");
        assertThat(inc.say("sev 4", ALICE)).isEqualTo("Incident " + inc.number + " is already SEV4.");
    }

    @Test
    void leadTakesAnEscapedOrAPlainMentionAndInvitesTheLead() {
        Synced bob = runAndSync("lead <@UBOB00001|bob>", "<@UBOB00001> is now the lead.");
        assertThat(inc.incident().lead()).contains(BOB);
        assertThat(bob.header()).contains("*Lead*\\n<@UBOB00001>");
        assertThat(bob.topic()).contains("lead <@UBOB00001>");
        await("invite", 10, () -> slack.calls("conversations.invite").stream()
                .anyMatch(c -> BOB.equals(c.arg("users")) && inc.id.equals(c.arg("channel"))));

        Synced carol = runAndSync("lead <@UCAROL001>", "<@UCAROL001> is now the lead.");
        assertThat(inc.incident().lead()).contains("UCAROL001");
        assertThat(carol.topic()).contains("lead <@UCAROL001>");
        assertThat(texts(EntryKind.ROLE_CHANGE)).containsExactly("lead: <@UBOB00001>", "lead: <@UCAROL001>");
        assertThat(inc.participants()).contains(BOB, "UCAROL001");
    }

    @Test
    void assigningARoleToItsHolderChangesNothing() {
        int entries = inc.entries().size();
        int posts = postedTo(inc.id).size();

        assertThat(inc.say("lead <@UALICE001|alice>", BOB)).isEqualTo("<@UALICE001> is already lead of incident " + inc.number + ".");
        runAndSync("role comms <@UDAVE0001>", "<@UDAVE0001> is now comms.");
        assertThat(inc.say("role comms <@UDAVE0001|dave>", BOB))
                .isEqualTo("<@UDAVE0001> is already comms of incident " + inc.number + ".");

        assertThat(inc.entries()).hasSize(entries + 1);
        await("comms post", 10, () -> postedTo(inc.id).size() > posts);
        assertThat(postedTo(inc.id)).filteredOn(t -> t.contains("assigned")).containsExactly(
                "<@UALICE001> assigned comms: <@UDAVE0001>");
    }

    @Test
    void aPersonTypedWithoutPickingTheMentionIsRefusedWithTheReason() {
        assertThat(inc.say("lead @bob", ALICE)).isEqualTo("`@bob` is not a Slack user mention. Type `@` and pick the "
                + "person from the list, so that Slack sends a mention: `/incident lead @user`.");
        assertThat(inc.say("role comms bob", ALICE)).startsWith("`bob` is not a Slack user mention.");
        assertThat(inc.say("lead", ALICE)).isEqualTo("Usage: `/incident lead @user`");
        assertThat(inc.incident().lead()).contains(ALICE);
    }

    @Test
    void roleAssignsCommsAndScribe() {
        Synced comms = runAndSync("role comms <@UDAVE0001|dave>", "<@UDAVE0001> is now comms.");
        assertThat(comms.header()).contains("*comms* <@UDAVE0001>");
        Synced scribe = runAndSync("role Scribe <@UERIN0001>", "<@UERIN0001> is now scribe.");
        assertThat(scribe.header()).contains("*comms* <@UDAVE0001>").contains("*scribe* <@UERIN0001>");
        runAndSync("role lead <@UBOB00001|bob>", "<@UBOB00001> is now lead.");

        Incident i = inc.incident();
        assertThat(i.roles()).containsEntry(Role.COMMS, "UDAVE0001").containsEntry(Role.SCRIBE, "UERIN0001")
                .containsEntry(Role.LEAD, BOB);
        assertThat(texts(EntryKind.ROLE_CHANGE)).containsExactly("comms: <@UDAVE0001>", "scribe: <@UERIN0001>",
                "lead: <@UBOB00001>");
    }

    @Test
    void noteGoesOnTheTimelineAndIsEchoedInTheChannel() {
        assertThat(inc.say("note EU customers report timeouts & retries", BOB)).isEqualTo("Note added to the timeline.");

        awaitPosted(inc.id, ":memo: Note from <@UBOB00001>: EU customers report timeouts & retries");
        assertThat(inc.entries(EntryKind.NOTE)).extracting(TimelineEntry::userId, TimelineEntry::text)
                .containsExactly(tuple(BOB, "EU customers report timeouts & retries"));
    }

    @Test
    void updateGoesToTheAnnouncementChannelAndTheTimeline() {
        assertThat(inc.say("update Rollback 50% done, error rate falling", ALICE)).isEqualTo("Status update sent.");

        awaitAnnounced("Rollback 50% done, error rate falling");
        String announced = announced().stream().filter(t -> t.contains("Rollback")).findFirst().orElseThrow();
        assertThat(announced).contains("Incident " + inc.number).contains("SEV2").contains("<#" + inc.id + ">").contains("<@UALICE001>");
        awaitPosted(inc.id, "Status update from <@UALICE001>: Rollback 50% done");
        assertThat(texts(EntryKind.STATUS_UPDATE)).containsExactly("Rollback 50% done, error rate falling");
    }

    @Test
    void aPrivateIncidentsUpdateStaysInItsChannel() {
        bot.client.post(ModalPayloads.submission(ALICE, "Payroll export exposed", "SEV1", null, true),
                "application/x-www-form-urlencoded");
        long n = inc.number + 1;
        await("private incident's header", 10, () -> bot.bot.storage().transaction(r -> r.incidents().find(n))
                .map(i -> i.headerTs() != null).orElse(false));
        String channel = bot.bot.storage().transaction(r -> r.incidents().find(n)).orElseThrow().channelId();

        assertThat(bot.client.say("update HR notified", ALICE, channel)).isEqualTo("Status update sent.");
        awaitPosted(channel, "HR notified");
        assertThat(bot.client.say("resolve access revoked", ALICE, channel)).startsWith("Resolved.");
        await("private resolve synced", 10, () -> slack.calls("chat.update").stream().anyMatch(c -> channel.equals(c.arg("channel"))));

        assertThat(postedTo("CANNOUNCE1")).noneMatch(t -> t.contains("HR notified") || t.contains("Payroll")
                || t.contains(channel) || t.contains("access revoked"));
        List<TimelineEntry> privateTimeline = bot.bot.storage().transaction(r -> r.timeline().list(n));
        assertThat(privateTimeline).extracting(TimelineEntry::text).contains("HR notified");
    }

    @Test
    void actionRecordsAFollowUpWithOrWithoutAnOwner() {
        assertThat(inc.say("action Alert on certificate expiry <@UBOB00001|bob>", ALICE)).isEqualTo("Follow-up recorded.");
        assertThat(inc.say("action Write the failover runbook", ALICE)).isEqualTo("Follow-up recorded.");

        List<FollowUp> followUps = bot.bot.storage().transaction(r -> r.followUps().list(inc.number));
        assertThat(followUps).extracting(FollowUp::text, FollowUp::ownerId, FollowUp::createdBy).containsExactly(
                tuple("Alert on certificate expiry", BOB, ALICE),
                tuple("Write the failover runbook", null, ALICE));
        assertThat(texts(EntryKind.FOLLOW_UP)).containsExactly("Alert on certificate expiry (owner <@UBOB00001>)",
                "Write the failover runbook");
        awaitPosted(inc.id, "Follow-up recorded by <@UALICE001>: Alert on certificate expiry (owner <@UBOB00001>)");
    }

    @Test
    void resolveWithASummaryResolvesAndShowsTheResolution() {
        Synced resolved = runAndSync("resolve Rolled back deploy 4711; cert renewed",
                "Resolved. The postmortem draft will be posted here shortly.");

        Incident i = inc.incident();
        assertThat(i.status()).isEqualTo(Status.RESOLVED);
        assertThat(i.resolutionSummary()).isEqualTo("Rolled back deploy 4711; cert renewed");
        assertThat(i.resolvedAt()).isNotNull();
        assertThat(i.identifiedAt()).isNotNull();
        assertThat(i.mitigatedAt()).isNotNull();
        assertThat(resolved.header()).contains("*Status*\\nresolved").contains("Rolled back deploy 4711; cert renewed");
        assertThat(resolved.topic()).contains("resolved");
        assertThat(texts(EntryKind.RESOLVED)).containsExactly("Resolved: Rolled back deploy 4711; cert renewed");
        awaitAnnounced("is resolved");
        assertThat(inc.say("resolve", ALICE)).isEqualTo("Incident " + inc.number + " is already resolved.");
        assertThat(bot.client.say("list", BOB, "CGENERAL1")).doesNotContain("<#" + inc.id + ">");
    }

    @Test
    void resolvingAgainWithABetterSummaryReplacesItWithoutAnnouncingTwice() {
        runAndSync("resolve Rolled back", "Resolved. The postmortem draft will be posted here shortly.");
        awaitAnnounced("is resolved");
        Incident first = inc.incident();

        Synced again = runAndSync("resolve Rolled back deploy 4711 and renewed the cert",
                "Resolved. The postmortem draft will be posted here shortly.");

        Incident i = inc.incident();
        assertThat(i.resolutionSummary()).isEqualTo("Rolled back deploy 4711 and renewed the cert");
        assertThat(i.resolvedAt()).isEqualTo(first.resolvedAt());
        assertThat(again.header()).contains("Rolled back deploy 4711 and renewed the cert");
        assertThat(texts(EntryKind.STATUS_CHANGE)).containsExactly("Status investigating → resolved");
        assertThat(announced()).filteredOn(t -> t.contains("is resolved")).hasSize(1);
    }

    @Test
    void timelineShowsTheLatestEntriesOnlyToTheAsker() {
        inc.send(SlackEvents.message(inc.id, BOB, SlackEvents.ts(100), "5xx on /checkout"));
        inc.send(SlackEvents.reply(inc.id, "UCAROL001", SlackEvents.ts(200), SlackEvents.ts(100), "deploy 4711 at 09:10"));
        inc.send(SlackEvents.reaction(true, inc.id, BOB, SlackEvents.ts(200), "pushpin", SlackEvents.ts(300)));
        inc.say("status identified", ALICE);
        inc.say("note rollback started", ALICE);

        HttpResponse<String> r = bot.client.command("timeline", BOB, inc.id);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("in_channel");
        String view = SignedClient.text(r);
        assertThat(view).startsWith("*Timeline of incident " + inc.number + "*")
                .contains("_declared_ Declared SEV2: Checkout errors")
                .contains("<@UBOB00001> 5xx on /checkout")
                .contains(":pushpin: ↳ <@UCAROL001> deploy 4711 at 09:10")
                .contains("_status change_ Status investigating → identified")
                .contains("_note_ rollback started");
        assertThat(view.indexOf("Declared SEV2")).isLessThan(view.indexOf("Status investigating"));
    }

    @Test
    void missingOrMalformedArgumentsGetAOneLineUsage() {
        int entries = inc.entries().size();
        assertThat(inc.say("status", ALICE)).isEqualTo("Usage: `/incident status <investigating|identified|monitoring|resolved>`");
        assertThat(inc.say("status fixed", ALICE)).isEqualTo("Usage: `/incident status <investigating|identified|monitoring|resolved>`");
        assertThat(inc.say("sev", ALICE)).isEqualTo("Usage: `/incident sev <sev1|sev2|sev3|sev4>`");
        assertThat(inc.say("severity 5", ALICE)).isEqualTo("Usage: `/incident sev <sev1|sev2|sev3|sev4>`");
        assertThat(inc.say("lead", ALICE)).isEqualTo("Usage: `/incident lead @user`");
        // issue 13: a name that is not a mention now says so (it ends with the usage)
        assertThat(inc.say("lead bob", ALICE)).startsWith("`bob` is not a Slack user mention.")
                .endsWith("`/incident lead @user`.");
        assertThat(inc.say("role", ALICE)).isEqualTo("Usage: `/incident role <lead|comms|scribe> @user`");
        assertThat(inc.say("role comms", ALICE)).isEqualTo("Usage: `/incident role <lead|comms|scribe> @user`");
        assertThat(inc.say("role chef <@UBOB00001>", ALICE)).isEqualTo("Usage: `/incident role <lead|comms|scribe> @user`");
        assertThat(inc.say("note", ALICE)).isEqualTo("Usage: `/incident note <text>`");
        assertThat(inc.say("update   ", ALICE)).isEqualTo("Usage: `/incident update <text>`");
        assertThat(inc.say("action", ALICE)).isEqualTo("Usage: `/incident action <text> [@owner] [due 2026-12-20|in 2w] [p1-p3]`");

        assertThat(inc.entries()).hasSize(entries);
        assertThat(inc.incident().status()).isEqualTo(Status.INVESTIGATING);
    }

    @Test
    void channelSubcommandsElsewhereSayWhereToRunThem() {
        for (String sub : List.of("status identified", "sev sev1", "severity 1", "lead <@UBOB00001>",
                "role comms <@UBOB00001>", "note hi", "update hi", "action fix it", "resolve done", "timeline")) {
            HttpResponse<String> r = bot.client.command(sub, ALICE, "CGENERAL1");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(SignedClient.text(r)).as(sub).contains("must be run in an incident channel");
        }
        assertThat(inc.incident().status()).isEqualTo(Status.INVESTIGATING);
    }
}
