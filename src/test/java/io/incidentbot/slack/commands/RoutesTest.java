package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.incident.NotAnIncidentChannelException;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.slack.http.ErrorMiddleware;
import io.incidentbot.slack.commands.Subcommand.Invocation;
import io.incidentbot.slack.commands.Subcommand.Reply;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The routing table of {@code /incident}: the help it generates, unknown words, the incident-channel check. */
class RoutesTest {
    /** The help text as the bot showed it before the routing table generated it, plus {@code stats}. */
    private static final String HELP = String.join("\n",
            "*`/incident` — incident response*",
            "*Anywhere*",
            "• `/incident declare [sev1-4] <title>` — open an incident (SEV3 when no severity is given)",
            "• `/incident declare` — open the declare form (title, severity, summary, private)",
            "• `/incident list` — open incidents with links to their channels",
            "• `/incident stats [30d|90d|365d]` — incidents per week (per month over 120 days), median and p90 times to identify, mitigate and resolve by severity",
            "• `/incident help` — this help",
            "• `/incident retry <n>` — try again to create the channel of incident n (its declarer)",
            "• `/incident cancel <n>` — close incident n whose channel could not be created (its declarer)",
            "*In an incident channel*",
            "• `/incident status <investigating|identified|monitoring|resolved>` — set the status",
            "• `/incident sev <sev1-4>` (or `severity`) — set the severity",
            "• `/incident lead @user` — assign the lead (incident commander)",
            "• `/incident invite @user|@group ...` — invite people, and the members of user groups, to this incident's channel",
            "• `/incident role <lead|comms|scribe> @user` — assign a role",
            "• `/incident note <text>` — add a note to the timeline",
            "• `/incident update <text>` — post a status update to stakeholders",
            "• `/incident action <text> [@owner] [due 2026-12-20|in 2w] [p1-p3]` — record a follow-up",
            "• `/incident resolve [summary]` — resolve the incident and draft the postmortem",
            "• `/incident postmortem` — (re)generate the postmortem draft",
            "• `/incident timeline` — show the latest timeline entries",
            "• `/incident changes` — changes in the window before the incident, and during it",
            "Messages, thread replies, :pushpin: reactions and pins in the incident channel become the timeline.");

    @TempDir
    Path dir;
    private JdbiStorage storage;
    private Routes routes;

    @BeforeEach
    void open() {
        storage = Database.open(dir.resolve("bot.db").toString());
        TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
        routes = Routes.standard(new IncidentService(io.incidentbot.testkit.Units.slack(storage, clock, false)), clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private Reply run(String text) {
        return routes.run(new Invocation(text, "UALICE001", "CGENERAL1", null));
    }

    @Test
    void helpIsGeneratedFromTheTableWordForWord() {
        assertThat(routes.help()).isEqualTo(HELP);
        assertThat(run("help").text()).isEqualTo(HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void noSubcommandGetsTheHelp(String text) {
        assertThat(run(text)).isEqualTo(Reply.say(HELP));
    }

    @Test
    void aMistypedSubcommandIsNamedTheNearestSuggestedAndTheShortHelpFollows() {
        String shortHelp = "Subcommands: `declare`, `list`, `stats`, `help`, `status`, `sev`, `lead`, `invite`, `role`, `note`, `update`, "
                + "`action`, `resolve`, `postmortem`, `timeline`, `retry`, `cancel`, `changes`. `/incident help` explains each.";
        assertThat(run("stauts identified").text())
                .isEqualTo("I don't know `stauts`. Did you mean `/incident status`?\n" + shortHelp);
        assertThat(run("STATUSES now").text()).startsWith("I don't know `statuses`. Did you mean `/incident status`?");
        assertThat(run("decalre sev1 DB down").text()).startsWith("I don't know `decalre`. Did you mean `/incident declare`?");
        assertThat(run("frobnicate").text()).isEqualTo("I don't know `frobnicate`.\n" + shortHelp);
        assertThat(run("<!channel>").text()).startsWith("I don't know `!channel`.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status identified", "sev sev1", "severity 2", "lead <@UBOB00001>", "role comms <@UBOB00001>",
            "note hi", "update all good", "action fix it", "resolve", "postmortem", "timeline", "changes", "STATUS resolved"})
    void everyChannelScopedSubcommandIsRefusedOutsideAnIncidentChannel(String text) {
        NotAnIncidentChannelException e = catchThrowableOfType(() -> run(text), NotAnIncidentChannelException.class);

        String word = text.split(" ")[0].toLowerCase();
        assertThat(e.operation()).isEqualTo(word);
        assertThat(ErrorMiddleware.words(e)).isEqualTo("`/incident " + word + "` must be run in an incident channel. "
                + "Use `/incident list` to find one, or `/incident declare` to open one.");
    }

    @Test
    void statsRunsAnywhereAndRefusesABadWindowWithItsUsage() {
        assertThat(run("stats").text()).startsWith("*Incident insights*\n```\nIncidents declared in the last 90 days")
                .contains("Per week (from Monday)");
        assertThat(run("stats 30D").text()).contains("in the last 30 days");
        assertThat(run("stats soon").text())
                .isEqualTo("soon is not a window: use 30d, 90d or 365d. Usage: `/incident stats [30d|90d|365d]`");
    }

    @Test
    void subcommandsThatRunAnywhereDoSo() {
        assertThat(run("list").text()).isEqualTo("No open incidents. :tada:");
        assertThat(run("declare").openModal()).isTrue();
        assertThat(run("declare sev9 Checkout down").text())
                .isEqualTo("Usage: `/incident declare [sev1-4] <title>` (sev9 is not a severity)");
        // as Slack sends it: "<" and ">" escaped in slash command text
        assertThat(run("declare sev1 Checkout &lt;down&gt;").text())
                .isEqualTo(":rotating_light: Declared incident 1 (SEV1): Checkout &lt;down&gt;. Creating its channel and inviting you now.");
    }

    @Test
    void refusalsAreWordedOnceByTheErrorMiddleware() {
        assertThat(ErrorMiddleware.words(new IncidentException.TitleBlank()))
                .isEqualTo("An incident needs a title: `/incident declare [sev1-4] <title>`.");
        assertThat(ErrorMiddleware.words(new IncidentException.TitleTooLong(1200)))
                .isEqualTo("That title is 1200 characters long; keep it under 1000 and put the details in the summary.");
        assertThat(ErrorMiddleware.words(new IncidentException.AlreadyInRole(4, io.incidentbot.incident.Role.COMMS, "UB")))
                .isEqualTo("<@UB> is already comms of incident 4.");
    }
}
