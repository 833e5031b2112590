package io.incidentbot.slack.interactions;

import io.incidentbot.slack.render.Modals;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: a Resolve modal submitted after the incident was resolved (two people had it open) silently
 * replaced the resolution summary, with no audit line. It is refused with the reason, next to the summary
 * field, and changes nothing (no summary, no follow-ups).
 */
class ResolveTwiceTest extends RunningBotFixture {
    private HttpResponse<String> resolveForm(String user, String summary, String followUps) {
        Map<String, Object> values = new HashMap<>(text(Modals.SUMMARY, summary));
        values.putAll(text(Modals.FOLLOW_UPS, followUps));
        return bot.client.interactivity(submission(user, Modals.RESOLVE, "1", values));
    }

    @Test
    void aSecondResolveFormIsRefusedAndTheFirstSummaryStays() {
        declared();

        HttpResponse<String> first = resolveForm("UALICE001", "Rolled back the 14:02 deploy", "add a canary");
        assertThat(first.body()).doesNotContain("errors");
        assertThat(incident().isOpen()).isFalse();

        HttpResponse<String> second = resolveForm("UBOB00001", "It fixed itself", "nothing");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"response_action\":\"errors\"", "\"" + Modals.SUMMARY + "\"",
                "was resolved already");
        assertThat(incident().resolutionSummary()).isEqualTo("Rolled back the 14:02 deploy");
        java.util.List<io.incidentbot.incident.FollowUp> followUps = bot.bot.storage().read(r -> r.followUps().list(1));
        assertThat(followUps).extracting(io.incidentbot.incident.FollowUp::text).containsExactly("add a canary");
    }
}
