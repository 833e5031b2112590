package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.render.Header;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.TRIGGER;
import static io.incidentbot.slack.interactions.InteractionPayloads.buttonClick;
import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The header's buttons and their modals, through signed requests against a running bot. */
class HeaderButtonsTest extends RunningBotFixture {
    private Incident incident(long n) {
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
    }

    private Incident declared(String command, long n) {
        bot.client.command(command, "UALICE001", "CGENERAL1");
        await("incident " + n + " header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n))
                .map(i -> i.headerTs() != null).orElse(false));
        return incident(n);
    }

    private HttpResponse<String> click(String user, Incident i, String actionId) {
        return bot.client.interactivity(buttonClick(user, i.channelId(), i.headerTs(), actionId,
                String.valueOf(i.number()), slack.url("/response/" + user)));
    }

    private void drained() {
        await("outbox drained", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    @SafeVarargs
    private static Map<String, Object> values(Map<String, Object>... entries) {
        Map<String, Object> all = new HashMap<>();
        for (Map<String, Object> e : entries) {
            all.putAll(e);
        }
        return all;
    }

    @Test
    void theHeaderCarriesTheButtonsAndEachOpensItsModalPrefilledWithTheClicksTriggerId() {
        Incident inc = declared("declare sev2 Checkout errors", 1);
        String header = slack.calls("chat.postMessage").get(0).arg("blocks");
        assertThat(header).contains(Header.STATUS, Header.SEVERITY, Header.ROLES, Header.UPDATE, Header.FOLLOW_UP,
                Header.RESOLVE).contains("\"Post update\"", "\"Add follow-up\"").doesNotContain(Header.REOPEN);

        Map<String, String> modalOf = Map.of(Header.STATUS, Modals.STATUS, Header.SEVERITY, Modals.SEVERITY,
                Header.ROLES, Modals.ROLES, Header.UPDATE, Modals.UPDATE, Header.FOLLOW_UP, Modals.FOLLOW_UP,
                Header.RESOLVE, Modals.RESOLVE);
        for (String action : List.of(Header.STATUS, Header.SEVERITY, Header.ROLES, Header.UPDATE, Header.FOLLOW_UP,
                Header.RESOLVE)) {
            int before = slack.calls("views.open").size();
            assertThat(click("UALICE001", inc, action).statusCode()).isEqualTo(200);
            await("views.open after " + action, 10, () -> slack.calls("views.open").size() > before);
            SlackStandIn.Call open = slack.calls("views.open").get(before);
            assertThat(open.arg("trigger_id")).isEqualTo(TRIGGER);
            assertThat(open.arg("view")).contains("\"callback_id\":\"" + modalOf.get(action) + "\"")
                    .contains("\"private_metadata\":\"1\"");
        }
        List<String> views = slack.calls("views.open").stream().map(c -> c.arg("view")).toList();
        assertThat(views.get(0)).as("status prefilled").contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"investigating\"");
        assertThat(views.get(1)).as("severity prefilled").contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"SEV2\"");
        assertThat(views.get(2)).as("lead prefilled").contains("\"initial_user\":\"UALICE001\"");
        assertThat(views.get(3)).as("where the update goes").contains("#" + inc.channelId(), "announcement channel");

        assertThat(header).contains(Header.PAGE, "\"Page on-call\"");
        int opened = slack.calls("views.open").size();
        assertThat(click("UALICE001", inc, Header.PAGE).statusCode()).isEqualTo(200);
        await("the page refusal", 10, () -> !slack.calls("response_url/UALICE001").isEmpty());
        assertThat(slack.calls("response_url/UALICE001")).singleElement().satisfies(c -> assertThat(c.arg("text"))
                .as("no pager set: refused with the reason").isEqualTo(io.incidentbot.pager.PageCommand.NO_PAGER));
        assertThat(slack.calls("views.open")).hasSize(opened);
    }

    @Test
    void eachModalChangesStateExactlyLikeItsSubcommand() {
        Incident byText = declared("declare sev2 Checkout errors", 1);
        Incident byModal = declared("declare sev2 Checkout errors", 2);
        String m = String.valueOf(byModal.number());
        for (String command : List.of("status identified", "update Rolled back the deploy", "sev sev1",
                "lead <@UBOB00001|bob>", "action add an alert <@UCAROL001|carol>", "update Monitoring",
                "resolve bad deploy")) {
            bot.client.command(command, "UALICE001", byText.channelId());
        }
        List<Map<String, Object>> submissions = List.of(
                submission("UALICE001", Modals.STATUS, m, values(select(Modals.STATUS_SELECT, "IDENTIFIED"),
                        text(Modals.TEXT, "Rolled back the deploy"))),
                submission("UALICE001", Modals.SEVERITY, m, values(select(Modals.SEVERITY_SELECT, "SEV1"),
                        text(Modals.REASON, null))),
                submission("UALICE001", Modals.ROLES, m, values(InteractionPayloads.userSelect("role_lead", "UBOB00001"),
                        InteractionPayloads.userSelect("role_comms", null), InteractionPayloads.userSelect("role_scribe", null))),
                submission("UALICE001", Modals.FOLLOW_UP, m, values(text(Modals.TEXT, "add an alert"),
                        InteractionPayloads.userSelect(Modals.OWNER, "UCAROL001"))),
                submission("UALICE001", Modals.UPDATE, m, values(text(Modals.TEXT, "Monitoring"))),
                submission("UALICE001", Modals.RESOLVE, m, values(text(Modals.SUMMARY, "bad deploy"),
                        text(Modals.FOLLOW_UPS, null))));
        for (Map<String, Object> s : submissions) {
            HttpResponse<String> r = bot.client.interactivity(s);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("errors");
        }
        drained();

        assertThat(entries(byModal.number())).isEqualTo(entries(byText.number()))
                .extracting(e -> e.split("\\|")[0]).contains("STATUS_CHANGE", "STATUS_UPDATE", "SEVERITY_CHANGE",
                        "ROLE_CHANGE", "FOLLOW_UP", "RESOLVED");
        // the same lines, though the Status form's status change and update text are one message (issue 24)
        assertThat(String.join("\n", posts(incident(2)))).isEqualTo(String.join("\n", posts(incident(1))));
        assertThat(posts(incident(2))).hasSize(posts(incident(1)).size() - 1).hasSizeGreaterThanOrEqualTo(6);
        Incident a = incident(1);
        Incident b = incident(2);
        assertThat(List.<Object>of(b.status(), b.severity(), b.lead().orElseThrow(), b.resolutionSummary()))
                .isEqualTo(List.<Object>of(a.status(), a.severity(), a.lead().orElseThrow(), a.resolutionSummary()))
                .isEqualTo(List.<Object>of(Status.RESOLVED, Severity.SEV1, "UBOB00001", "bad deploy"));
    }

    /** @return the incident's timeline as kind|user|text, without times */
    private List<String> entries(long n) {
        return bot.bot.storage().read(r -> r.timeline().list(n)).stream()
                .map(e -> e.kind() + "|" + e.userId() + "|" + e.text()).toList();
    }

    /**
     * @return the texts posted into the incident's channel other than the header and the "Seen before" post (incident 2
     *         is like incident 1, issue 22), incident numbers masked
     */
    private List<String> posts(Incident i) {
        return slack.calls("chat.postMessage").stream().filter(c -> i.channelId().equals(c.arg("channel")))
                .filter(c -> c.arg("blocks") == null || !c.arg("blocks").contains(Header.ACTIONS_BLOCK))
                .filter(c -> !c.arg("text").contains("*Seen before*"))
                .map(c -> c.arg("text").replace(i.channelId(), "CHANNEL").replaceAll("ncident \\d+", "ncident N")
                        .replaceAll("/F\\d+/incident-\\d+-", "/F/incident-N-").replaceAll("\\|incident-\\d+-", "|incident-N-"))
                .toList();
    }

    @Test
    void aModalRefusalComesBackAsErrorsInTheModalAndChangesNothing() {
        Incident inc = declared("declare sev2 Checkout errors", 1);
        HttpResponse<String> same = bot.client.interactivity(submission("UALICE001", Modals.SEVERITY, "1",
                values(select(Modals.SEVERITY_SELECT, "SEV2"))));
        HttpResponse<String> blank = bot.client.interactivity(submission("UALICE001", Modals.RESOLVE, "1",
                values(text(Modals.SUMMARY, "  "))));

        assertThat(same.body()).contains("\"response_action\":\"errors\"", "\"severity\"", "already SEV2");
        assertThat(blank.body()).contains("\"response_action\":\"errors\"", "\"summary\"");
        assertThat(incident(1).status()).isEqualTo(Status.INVESTIGATING);
        assertThat(entries(inc.number())).hasSize(1);
    }

    @Test
    void aPrivateIncidentsButtonsAndModalsChangeNothingForSomeoneOutsideIt() {
        bot.client.interactivity(submission("UALICE001", DeclareModal.CALLBACK_ID, "", values(
                text("title", "Payroll data exposed"), select("severity", "SEV1"), text("summary", null),
                Map.of("private", Map.of("private", Map.of("type", "checkboxes", "selected_options", List.of(Map.of(
                        "value", "private", "text", Map.of("type", "plain_text", "text", "Private")))))))));
        await("private header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1))
                .map(i -> i.headerTs() != null).orElse(false));
        Incident inc = incident(1);

        for (String action : List.of(Header.STATUS, Header.RESOLVE, Header.REOPEN)) {
            assertThat(click("UOTHER001", inc, action).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> submitted = bot.client.interactivity(submission("UOTHER001", Modals.STATUS, "1",
                values(select(Modals.STATUS_SELECT, "RESOLVED"), text(Modals.TEXT, "leak"))));
        await("answers to the outsider", 10, () -> slack.calls("response_url/UOTHER001").size() >= 3);

        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(slack.calls("response_url/UOTHER001")).extracting(c -> c.arg("text"))
                .allSatisfy(t -> assertThat(t).contains("nothing was changed").doesNotContain("Payroll"));
        assertThat(submitted.body()).contains("\"response_action\":\"errors\"").doesNotContain("Payroll");
        assertThat(incident(1).status()).isEqualTo(Status.INVESTIGATING);
        assertThat(entries(1)).hasSize(1);

        click("UALICE001", inc, Header.STATUS);
        await("views.open for a member", 10, () -> !slack.calls("views.open").isEmpty());
    }

    @Test
    void afterResolveTheHeaderOffersPostmortemAndReopenAndReopenIsATimelineEntry() {
        Incident inc = declared("declare sev2 Checkout errors", 1);
        bot.client.command("update Rolled back\nsecond line", "UALICE001", inc.channelId());
        bot.client.command("resolve bad deploy", "UALICE001", inc.channelId());
        drained();
        List<SlackStandIn.Call> headerEdits = slack.calls("chat.update").stream()
                .filter(c -> inc.channelId().equals(c.arg("channel"))).toList();
        String header = headerEdits.get(headerEdits.size() - 1).arg("blocks");
        assertThat(header).contains(Header.POSTMORTEM, Header.REOPEN, "time to resolve", "Last update", "Rolled back")
                .doesNotContain("second line").doesNotContain(Header.RESOLVE + "\"");

        assertThat(click("UALICE001", incident(1), Header.REOPEN).statusCode()).isEqualTo(200);

        assertThat(incident(1).status()).isEqualTo(Status.INVESTIGATING);
        List<TimelineEntry> timeline = bot.bot.storage().read(r -> r.timeline().list(1));
        assertThat(timeline.get(timeline.size() - 1).kind()).isEqualTo(EntryKind.REOPENED);
        await("reopen answer", 10, () -> !slack.calls("response_url/UALICE001").isEmpty());
        assertThat(slack.calls("response_url/UALICE001").get(0).arg("text")).contains("open again");
    }

    @Test
    void declareWithASeverityAndNoTitleOpensTheModalWithThatSeverity() {
        bot.client.command("declare sev1", "UALICE001", "CGENERAL1");

        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        assertThat(slack.calls("views.open").get(0).arg("view"))
                .contains("\"initial_option\":{\"text\":{\"type\":\"plain_text\",\"text\":\"SEV1");
    }

    @Test
    void interactivityTheBotDoesNotUseGets200() {
        Map<String, Object> closed = new HashMap<>(submission("UALICE001", "someone_elses_modal", "", Map.of()));
        closed.put("type", "view_closed");
        closed.put("is_cleared", false);

        assertThat(bot.client.interactivity(closed).statusCode()).isEqualTo(200);
        assertThat(bot.client.interactivity(buttonClick("UALICE001", "CGENERAL1", "1712345678.000100", "not_ours",
                "x", slack.url("/response/UALICE001"))).statusCode()).isEqualTo(200);
        assertThat(bot.client.interactivity(InteractionPayloads.globalShortcut("UALICE001", "not_ours")).statusCode())
                .isEqualTo(200);
    }
}
