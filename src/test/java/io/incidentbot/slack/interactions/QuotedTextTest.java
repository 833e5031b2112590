package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "Quoted messages reposted raw": "Add to incident timeline" and "Declare from message" quote
 * another channel's message into the incident channel ({@code QuoteJob}); its broadcasts and masked links
 * must arrive defused, and no {@code text} the bot sends carries a live broadcast.
 */
class QuotedTextTest {
    static final String HOSTILE = "db down <!channel> <!here> <!subteam^S0ONCALL|@oncall> "
            + "<https://evil.example/login|Open runbook>";

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() {
        bot = kit.bot();
    }

    private Incident headerPosted(long n) {
        await("incident " + n + " header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(n))
                .map(i -> i.headerTs() != null).orElse(false));
        return bot.bot.storage().read(r -> r.incidents().find(n)).orElseThrow();
    }

    private String metadataOfLastView() {
        List<SlackStandIn.Call> opened = slack.calls("views.open");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(opened.get(opened.size() - 1).arg("view"))
                    .path("private_metadata").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void quoted(Incident inc) {
        await("the quote", 20, () -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> inc.channelId().equals(c.arg("channel")) && String.valueOf(c.arg("text")).contains("Key event")));
        String quote = slack.calls("chat.postMessage").stream()
                .filter(c -> inc.channelId().equals(c.arg("channel")) && String.valueOf(c.arg("text")).contains("Key event"))
                .findFirst().orElseThrow().arg("text");
        assertThat(quote).contains("db down", "Open runbook (<https://evil.example/login>)")
                .doesNotContain("<!channel>", "<!here>", "<!subteam", "|Open runbook>");
        assertThat(slack.calls("chat.postMessage")).extracting(c -> String.valueOf(c.arg("text")))
                .noneMatch(t -> t.contains("<!channel") || t.contains("<!here") || t.contains("<!subteam"));
    }

    @Test
    void addToTimelineQuotesTheMessageDefused() {
        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
        Incident inc = headerPosted(1);
        bot.client.interactivity(InteractionPayloads.messageShortcut("UALICE001", Shortcuts.ADD_TO_TIMELINE,
                "CGENERAL1", "1712345678.000200", "UBOB00001", HOSTILE, null));
        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        bot.client.interactivity(submission("UALICE001", Modals.ADD_TO_TIMELINE, metadataOfLastView(),
                select(Modals.INCIDENT, "1")));
        quoted(inc);
    }

    @Test
    void declareFromMessageQuotesTheMessageDefused() {
        bot.client.interactivity(InteractionPayloads.messageShortcut("UALICE001", Shortcuts.DECLARE_FROM_MESSAGE,
                "CGENERAL1", "1712345678.000300", "UBOB00001", HOSTILE, null));
        await("views.open", 10, () -> !slack.calls("views.open").isEmpty());
        bot.client.interactivity(submission("UALICE001", Shortcuts.DECLARE_FROM_MESSAGE_MODAL, metadataOfLastView(), Map.of(
                "title", text("title", "Database down").get("title"),
                "severity", select("severity", "SEV2").get("severity"))));
        quoted(headerPosted(1));
    }
}
