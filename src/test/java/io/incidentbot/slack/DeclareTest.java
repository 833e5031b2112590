package io.incidentbot.slack;

import io.incidentbot.slack.interactions.DeclareModal;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

class DeclareTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
    }

    private List<Incident> incidents() {
        return bot.bot.storage().transaction(r -> r.incidents().listAll());
    }

    private Incident declared(int number) {
        await("incident " + number + " header posted", 10, () -> incidents().size() >= number
                && incidents().get(number - 1).headerTs() != null);
        return incidents().get(number - 1);
    }

    @Test
    void declareByTextCreatesTheChannelInvitesSetsTopicPostsHeaderAndAnnounces() {
        HttpResponse<String> r = bot.client.command("declare sev2 Checkout errors after deploy", "UALICE001", "CGENERAL1");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SignedClient.text(r)).contains("Declared incident 1").contains("SEV2");
        Incident inc = declared(1);
        await("announcement", 10, () -> slack.calls("chat.postMessage").size() >= 2);

        // the header is pinned right after it is posted (issue 24), so its buttons stay at hand
        assertThat(slack.methods()).containsExactly("conversations.create", "conversations.invite",
                "conversations.setTopic", "chat.postMessage", "pins.add", "chat.postMessage");
        SlackStandIn.Call create = slack.calls("conversations.create").get(0);
        assertThat(create.arg("name")).isEqualTo("inc-1-checkout-errors-after-deploy");
        assertThat(create.flag("is_private")).isFalse();
        assertThat(inc.channelId()).isEqualTo(slack.channels().get("inc-1-checkout-errors-after-deploy"));
        assertThat(slack.calls("conversations.invite").get(0).args())
                .containsEntry("channel", inc.channelId()).containsEntry("users", "UALICE001");
        assertThat(slack.calls("conversations.setTopic").get(0).arg("topic"))
                .contains("SEV2").contains("investigating").contains("<@UALICE001>");
        SlackStandIn.Call header = slack.calls("chat.postMessage").get(0);
        assertThat(header.arg("channel")).isEqualTo(inc.channelId());
        assertThat(header.arg("blocks")).contains("Incident 1: Checkout errors after deploy").contains("SEV2")
                .contains("investigating").contains("@UALICE001");
        SlackStandIn.Call announce = slack.calls("chat.postMessage").get(1);
        assertThat(announce.arg("channel")).isEqualTo("CANNOUNCE1");
        assertThat(announce.arg("text")).contains("Checkout errors after deploy").contains("SEV2")
                .contains("<@UALICE001>").contains("<#" + inc.channelId() + ">");
        assertThat(inc.severity()).isEqualTo(Severity.SEV2);
        assertThat(inc.lead()).contains("UALICE001");
    }

    @Test
    void declareWithoutSeverityDefaultsToSev3AndNumbersAreSequential() {
        bot.client.command("declare Payments slow", "UALICE001", "CGENERAL1");
        bot.client.command("DECLARE SEV1 Everything down", "UBOB00001", "CGENERAL1");

        assertThat(declared(1).severity()).isEqualTo(Severity.SEV3);
        Incident second = declared(2);
        assertThat(second.severity()).isEqualTo(Severity.SEV1);
        assertThat(second.channelName()).isEqualTo("inc-2-everything-down");
    }

    @Test
    void aTitleStartingWithAWordLikeSevereIsATitleAndSev5IsRefused() {
        assertThat(bot.client.say("declare Severe latency in search", "UALICE001", "CGENERAL1"))
                .contains("Declared incident 1 (SEV3)");
        assertThat(bot.client.say("declare sev5 Everything", "UALICE001", "CGENERAL1"))
                .isEqualTo("Usage: `/incident declare [sev1-4] <title>` (sev5 is not a severity)");

        assertThat(declared(1).title()).isEqualTo("Severe latency in search");
        assertThat(incidents()).hasSize(1);
    }

    @Test
    void aTakenChannelNameGetsANumberedSuffix() {
        slack.existingChannel("inc-1-db-down");
        slack.existingChannel("inc-1-db-down-2");

        bot.client.command("declare DB down", "UALICE001", "CGENERAL1");

        assertThat(declared(1).channelName()).isEqualTo("inc-1-db-down-3");
        assertThat(slack.calls("conversations.create")).extracting(c -> c.arg("name"))
                .containsExactly("inc-1-db-down", "inc-1-db-down-2", "inc-1-db-down-3");
    }

    @Test
    void titlesWithEmojiAccentsPunctuationAndGreatLengthMakeValidChannelNames() {
        bot.client.command("declare 🔥 Café crème: checkout 💥 down!!", "UALICE001", "CGENERAL1");
        bot.client.command("declare sev2 ?!?? ... !!!", "UALICE001", "CGENERAL1");
        bot.client.command("declare " + "Ünïcödé overflow ".repeat(18), "UALICE001", "CGENERAL1");

        assertThat(declared(1).channelName()).isEqualTo("inc-1-cafe-creme-checkout-down");
        assertThat(declared(1).title()).isEqualTo("🔥 Café crème: checkout 💥 down!!");
        assertThat(declared(2).channelName()).isEqualTo("inc-2-incident");
        Incident longOne = declared(3);
        assertThat(longOne.title()).hasSizeGreaterThan(300);
        assertThat(longOne.channelName()).hasSizeLessThanOrEqualTo(80).startsWith("inc-3-unicode-overflow-unicode")
                .matches("[a-z0-9-]+").doesNotEndWith("-");
        String firstChannel = declared(1).channelId();
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> firstChannel.equals(c.arg("channel")))
                .extracting(c -> c.arg("blocks")).anySatisfy(b -> assertThat(b).contains("Café crème"));
    }

    @Test
    void aPrivateIncidentGetsAPrivateChannelAndTheAnnouncementNamesNothing() {
        String modal = ModalPayloads.submission("UALICE001", "Payroll data exposed", "SEV1", "HR export readable", true);
        HttpResponse<String> r = bot.client.post(modal, "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(200);

        Incident inc = declared(1);
        await("announcement", 10, () -> slack.calls("chat.postMessage").size() >= 2);
        assertThat(inc.privateIncident()).isTrue();
        assertThat(slack.calls("conversations.create").get(0).flag("is_private")).isTrue();
        List<SlackStandIn.Call> announcements = slack.calls("chat.postMessage").stream()
                .filter(c -> "CANNOUNCE1".equals(c.arg("channel"))).toList();
        assertThat(announcements).hasSize(1);
        assertThat(announcements.get(0).args().toString()).doesNotContainIgnoringCase("payroll")
                .doesNotContain(inc.channelId()).doesNotContain(inc.channelName()).doesNotContain("HR export");

        assertThat(bot.client.say("list", "UOTHER001", "CGENERAL1")).doesNotContain("Payroll")
                .contains("No open incidents");
        assertThat(bot.client.say("list", "UALICE001", "CGENERAL1")).contains("Payroll data exposed");
    }

    @Test
    void listShowsOpenIncidentsWithChannelLinksAndAge() {
        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
        Incident inc = declared(1);

        String body = bot.client.say("list", "UBOB00001", "CGENERAL1");

        assertThat(body).contains("*1*").contains("SEV2").contains("Checkout errors")
                .contains("<#" + inc.channelId() + ">").contains("min old");
    }

    @Test
    void helpAndUnknownSubcommandsListEverySubcommand() {
        for (String text : List.of("", "help", "frobnicate now")) {
            String body = bot.client.say(text, "UALICE001", "CGENERAL1");
            assertThat(body).contains("declare").contains("list").contains("status").contains("sev").contains("lead")
                    .contains("role").contains("note").contains("update").contains("action").contains("resolve")
                    .contains("postmortem").contains("timeline");
        }
        assertThat(incidents()).isEmpty();
        assertThat(slack.methods()).isEmpty();
    }

    @Test
    void aChannelScopedSubcommandOutsideAnIncidentChannelSaysWhereToRunIt() {
        HttpResponse<String> r = bot.client.command("status identified", "UALICE001", "CGENERAL1");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SignedClient.text(r)).contains("must be run in an incident channel");
    }

    @Test
    void declareAloneOpensTheModalWithTheTriggerId() {
        HttpResponse<String> r = bot.client.command("declare", "UALICE001", "CGENERAL1");

        assertThat(r.statusCode()).isEqualTo(200);
        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        SlackStandIn.Call open = slack.calls("views.open").get(0);
        assertThat(open.arg("trigger_id")).startsWith("13345224609.738474920.");
        assertThat(open.arg("view")).contains(DeclareModal.CALLBACK_ID).contains("title").contains("severity")
                .contains("summary").contains("private");
        assertThat(incidents()).isEmpty();
    }

    @Test
    void whenTheModalCannotOpenTheUserIsToldHowToDeclareByText() {
        slack.override("views.open", c -> SlackStandIn.json(java.util.Map.of("ok", false, "error", "expired_trigger_id")));

        bot.client.command("declare", "UALICE001", "CGENERAL1");

        await("response_url message", 10, () -> !slack.calls("response_url/UALICE001").isEmpty());
        assertThat(slack.calls("response_url/UALICE001").get(0).arg("text"))
                .contains("could not open the declare form").contains("expired_trigger_id").contains("/incident declare");
    }

    @Test
    void theModalDeclaresAndShowsValidationErrorsInTheModal() {
        HttpResponse<String> blank = bot.client.post(
                ModalPayloads.submission("UALICE001", "   ", "SEV2", null, false), "application/x-www-form-urlencoded");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("\"response_action\":\"errors\"").contains("title");
        assertThat(incidents()).isEmpty();

        bot.client.post(ModalPayloads.submission("UALICE001", "Search latency", "SEV2", "p99 at 4s", false),
                "application/x-www-form-urlencoded");
        Incident inc = declared(1);
        assertThat(inc.title()).isEqualTo("Search latency");
        assertThat(inc.severity()).isEqualTo(Severity.SEV2);
        assertThat(inc.summary()).isEqualTo("p99 at 4s");
        assertThat(slack.calls("conversations.create").get(0).arg("name")).isEqualTo("inc-1-search-latency");
    }
}
