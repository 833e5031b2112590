package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.reminders.ReminderKind;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.HomeTab;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.slack.render.ReminderPosts;
import io.incidentbot.store.ReminderRepository;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.TRIGGER;
import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Shortcuts, the App Home tab and the reminder buttons, through signed requests against a running bot. */
class ShortcutsAndHomeTest {
    static final String PERMALINK = "https://acme.slack.com/archives/CGENERAL1/p1712345678000200";

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension(s -> s.override("chat.getPermalink",
            c -> SlackStandIn.json(Map.of("ok", true, "channel", c.arg("channel"), "permalink", PERMALINK))));
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() {
        bot = kit.bot();
    }

    private Incident incident(long n) {
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
    }

    private Incident declared(String command, String user, long n) {
        bot.client.command(command, user, "CGENERAL1");
        return headerPosted(n);
    }

    private Incident headerPosted(long n) {
        await("incident " + n + " header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n))
                .map(i -> i.headerTs() != null).orElse(false));
        return incident(n);
    }

    private Incident declaredPrivate(String title, String user, long n) {
        bot.client.interactivity(submission(user, DeclareModal.CALLBACK_ID, "", Map.of(
                "title", text("title", title).get("title"), "severity", select("severity", "SEV1").get("severity"),
                "private", Map.of("private", Map.of("type", "checkboxes", "selected_options", List.of(Map.of(
                        "value", "private", "text", Map.of("type", "plain_text", "text", "Private"))))))));
        return headerPosted(n);
    }

    /** @return the {@code private_metadata} of a view as sent to {@code views.open} */
    private static String metadata(String view) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(view).path("private_metadata").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void drained() {
        await("outbox drained", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    @Test
    void theGlobalShortcutOpensTheDeclareModal() {
        assertThat(bot.client.interactivity(InteractionPayloads.globalShortcut("UALICE001", Shortcuts.DECLARE))
                .statusCode()).isEqualTo(200);

        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        assertThat(slack.calls("views.open").get(0).arg("trigger_id")).isEqualTo(TRIGGER);
        assertThat(slack.calls("views.open").get(0).arg("view")).contains(DeclareModal.CALLBACK_ID);
    }

    @Test
    void addToTimelineOffersOnlyVisibleIncidentsAndMakesTheThreadReplyAKeyEventWithItsPermalink() {
        Incident open = declared("declare sev2 Checkout errors", "UALICE001", 1);
        declaredPrivate("Payroll data exposed", "UCAROL001", 2);
        String ts = "1712345678.000200";

        bot.client.interactivity(InteractionPayloads.messageShortcut("UALICE001", Shortcuts.ADD_TO_TIMELINE,
                "CGENERAL1", ts, "UBOB00001", "p99 &lt; 2s again after the cache flush", "1712345600.000100"));
        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        String view = slack.calls("views.open").get(0).arg("view");
        assertThat(view).contains(Modals.ADD_TO_TIMELINE, "Checkout errors").doesNotContain("Payroll");
        String metadata = metadata(view);
        assertThat(metadata.length()).isLessThanOrEqualTo(Modals.MAX_METADATA);

        HttpResponse<String> r = bot.client.interactivity(submission("UALICE001", Modals.ADD_TO_TIMELINE, metadata,
                select(Modals.INCIDENT, "1")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("errors");
        drained();

        List<TimelineEntry> entries = bot.bot.storage().read(rr -> rr.timeline().list(1));
        TimelineEntry key = entries.stream().filter(TimelineEntry::keyEvent).findFirst().orElseThrow();
        assertThat(key.userId()).isEqualTo("UBOB00001");
        assertThat(key.at()).isEqualTo(SlackTs.toInstant(ts));
        assertThat(key.text()).contains("p99 &lt; 2s again after the cache flush").contains(PERMALINK);
        assertThat(slack.calls("chat.getPermalink").get(0).args()).containsEntry("channel", "CGENERAL1")
                .containsEntry("message_ts", ts);
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> open.channelId().equals(c.arg("channel")))
                .extracting(c -> c.arg("text")).anySatisfy(t -> assertThat(t).contains("<@UBOB00001>", PERMALINK,
                        "> p99 &lt; 2s"));

        HttpResponse<String> sneaky = bot.client.interactivity(submission("UALICE001", Modals.ADD_TO_TIMELINE, metadata,
                select(Modals.INCIDENT, "2")));
        assertThat(sneaky.body()).contains("\"response_action\":\"errors\"", "\"incident\"", "cannot see it");
        List<TimelineEntry> privateEntries = bot.bot.storage().read(rr -> rr.timeline().list(2));
        assertThat(privateEntries).noneMatch(TimelineEntry::keyEvent);
    }

    @Test
    void declareFromMessagePrefillsTheModalAndTheMessageBecomesTheFirstKeyEvent() {
        String ts = "1712345678.000300";
        bot.client.interactivity(InteractionPayloads.messageShortcut("UALICE001", Shortcuts.DECLARE_FROM_MESSAGE,
                "CGENERAL1", ts, "UBOB00001", "Checkout returns 500\nsince the 14:02 deploy", null));
        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        String view = slack.calls("views.open").get(0).arg("view");
        assertThat(view).contains("\"initial_value\":\"Checkout returns 500\"", "since the 14:02 deploy");
        String metadata = metadata(view);

        bot.client.interactivity(submission("UALICE001", Shortcuts.DECLARE_FROM_MESSAGE_MODAL, metadata, Map.of(
                "title", text("title", "Checkout returns 500").get("title"),
                "severity", select("severity", "SEV2").get("severity"))));
        Incident inc = headerPosted(1);
        drained();

        TimelineEntry key = bot.bot.storage().read(r -> r.timeline().list(1)).stream().filter(TimelineEntry::keyEvent)
                .findFirst().orElseThrow();
        assertThat(key.userId()).isEqualTo("UBOB00001");
        assertThat(key.text()).startsWith("Checkout returns 500\nsince the 14:02 deploy").contains(PERMALINK);
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> inc.channelId().equals(c.arg("channel")))
                .extracting(c -> c.arg("text")).anySatisfy(t -> assertThat(t).contains("Key event", PERMALINK));
    }

    @Test
    void theHomeTabShowsAPrivateIncidentOnlyToItsMembersAndTheUsersOwnRolesFirst() {
        declared("declare sev2 Checkout errors", "UBOB00001", 1);
        declaredPrivate("Payroll data exposed", "UALICE001", 2);
        declared("declare sev3 Search slow", "UALICE001", 3);
        bot.client.command("resolve fixed", "UALICE001", incident(3).channelId());

        assertThat(bot.client.event(InteractionPayloads.homeOpened("UOTHER001", "Ev0HOME0001"), Map.of()).statusCode())
                .isEqualTo(200);
        bot.client.event(InteractionPayloads.homeOpened("UALICE001", "Ev0HOME0002"), Map.of());
        await("two views.publish", 10, () -> slack.calls("views.publish").size() >= 2);

        Map<String, String> views = new HashMap<>();
        slack.calls("views.publish").forEach(c -> views.put(c.arg("user_id"), c.arg("view")));
        assertThat(views.get("UOTHER001")).contains("\"type\":\"home\"", HomeTab.DECLARE, "Checkout errors",
                "Search slow", "resolved in").doesNotContain("Payroll");
        assertThat(views.get("UALICE001")).contains("Payroll data exposed", "Checkout errors");
        assertThat(views.get("UALICE001").indexOf("Payroll")).as("own roles first")
                .isLessThan(views.get("UALICE001").indexOf("Checkout errors"));
    }

    @Test
    void theHomeTabDeclareButtonOpensTheDeclareModal() {
        bot.client.interactivity(InteractionPayloads.homeClick("UALICE001", HomeTab.DECLARE, "declare"));

        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        assertThat(slack.calls("views.open").get(0).arg("view")).contains(DeclareModal.CALLBACK_ID);
    }

    @Test
    void aDueReminderIsPostedWithItsButtonsAndSnoozeAndILeadWork() {
        Incident inc = declared("declare sev2 Checkout errors", "UALICE001", 1);
        bot.bot.storage().run(r -> r.reminders().schedule(1, ReminderKind.UPDATE, Instant.now().minusSeconds(1)));
        // The periodic check may claim it first; either way it is sent once.
        bot.bot.sendDueReminders();
        bot.bot.sendDueReminders();
        drained();
        assertThat(reminderPosts()).as("sent once").hasSize(1);

        SlackStandIn.Call reminder = slack.calls("chat.postMessage").stream()
                .filter(c -> c.arg("blocks") != null && c.arg("blocks").contains(ReminderPosts.SNOOZE)).findFirst().orElseThrow();
        assertThat(reminder.arg("channel")).isEqualTo(inc.channelId());
        assertThat(reminder.arg("text")).contains("<@UALICE001>", "No status update");
        assertThat(reminder.arg("blocks")).contains(Header.UPDATE, "Post update", "Snooze 30 min");

        Instant clicked = Instant.now();
        bot.client.interactivity(InteractionPayloads.buttonClick("UALICE001", inc.channelId(), "1712345678.000900",
                ReminderPosts.SNOOZE, "1", slack.url("/response/UALICE001")));
        ReminderRepository.Due due = bot.bot.storage().read(r -> r.reminders().pending(1, ReminderKind.UPDATE)).orElseThrow();
        assertThat(Duration.between(clicked, due.dueAt())).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));

        bot.client.interactivity(InteractionPayloads.buttonClick("UBOB00001", inc.channelId(), "1712345678.000901",
                ReminderPosts.TAKE_LEAD, "1", slack.url("/response/UBOB00001")));
        assertThat(incident(1).lead()).contains("UBOB00001");
    }

    @Test
    void aReminderDueBeforeARestartIsSentOnceAfterIt() throws Exception {
        declared("declare sev2 Checkout errors", "UALICE001", 1);
        bot.bot.storage().run(r -> r.reminders().schedule(1, ReminderKind.UPDATE, Instant.now().minusSeconds(5)));

        bot = kit.restart(kit.env());

        bot.bot.sendDueReminders();
        bot.bot.sendDueReminders();
        drained();
        assertThat(reminderPosts()).as("sent once").hasSize(1);
    }

    private List<SlackStandIn.Call> reminderPosts() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.arg("blocks") != null && c.arg("blocks").contains(ReminderPosts.SNOOZE)).toList();
    }
}
