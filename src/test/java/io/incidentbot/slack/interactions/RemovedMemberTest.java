package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.slack.render.Modals;
import io.incidentbot.slack.render.ReminderPosts;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.buttonClick;
import static io.incidentbot.slack.interactions.InteractionPayloads.select;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.slack.interactions.InteractionPayloads.userSelect;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "A member removed from a private incident keeps write access": after
 * {@code member_left_channel} the ex-member's "I'll lead" click, Roles, Status, Severity and Resolve
 * modals all worked (access was "ever recorded"). Access is now current membership, checked again when
 * a modal is submitted (a modal opened while a member and submitted after leaving is refused).
 */
class RemovedMemberTest extends RunningBotFixture {
    private void send(Map<String, Object> event, long epochSeconds) {
        Map<String, Object> envelope = SlackEvents.envelope(event);
        envelope.put("event_time", epochSeconds);
        assertThat(bot.client.event(envelope, Map.of()).statusCode()).isEqualTo(200);
    }

    private void refused(String callbackId, Map<String, Object> values) {
        HttpResponse<String> r = bot.client.interactivity(submission("UBOB00001", callbackId, "1", values));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as(callbackId).contains("\"response_action\":\"errors\"", "cannot see it");
    }

    @Test
    void anExMembersClicksAndModalSubmissionsChangeNothing() {
        bot.client.interactivity(submission("UALICE001", DeclareModal.CALLBACK_ID, "", Map.of(
                "title", text("title", "Credential leak").get("title"), "severity", select("severity", "SEV1").get("severity"),
                "private", Map.of("private", Map.of("type", "checkboxes", "selected_options", java.util.List.of(Map.of(
                        "value", "private", "text", Map.of("type", "plain_text", "text", "Private"))))))));
        await("private channel and header", 10, () -> incident().headerTs() != null);
        Incident before = incident();
        long t = SignedClient.now();
        send(SlackEvents.memberJoined(before.channelId(), "UBOB00001", null), t + 1);
        send(SlackEvents.memberLeft(before.channelId(), "UBOB00001", null), t + 2);

        refused(Modals.STATUS, select(Modals.STATUS_SELECT, "identified"));
        refused(Modals.SEVERITY, select(Modals.SEVERITY_SELECT, "SEV3"));
        Map<String, Object> roles = new HashMap<>();
        roles.putAll(userSelect("role_lead", "UBOB00001"));
        roles.putAll(userSelect("role_comms", "UCAROL001"));
        roles.putAll(userSelect("role_scribe", null));
        refused(Modals.ROLES, roles);
        refused(Modals.RESOLVE, text(Modals.SUMMARY, "nothing to see"));

        bot.client.interactivity(buttonClick("UBOB00001", before.channelId(), before.headerTs(),
                ReminderPosts.TAKE_LEAD, "1", slack.url("/response/exmember")));
        await("the answer to the click", 10, () -> !slack.calls("response_url/exmember").isEmpty());

        Incident after = incident();
        assertThat(after.status()).isEqualTo(Status.INVESTIGATING);
        assertThat(after.severity()).isEqualTo(Severity.SEV1);
        assertThat(after.roles()).containsEntry(Role.LEAD, "UALICE001").doesNotContainKey(Role.COMMS);
        assertThat(after.resolutionSummary()).isNull();
        assertThat(slack.calls("conversations.invite")).noneMatch(c -> String.valueOf(c.arg("users")).contains("UBOB00001")
                || String.valueOf(c.arg("users")).contains("UCAROL001"));
    }
}
