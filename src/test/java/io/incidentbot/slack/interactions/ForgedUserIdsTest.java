package io.incidentbot.slack.interactions;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Role;
import io.incidentbot.markup.Mentions;
import io.incidentbot.slack.render.Modals;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static io.incidentbot.slack.interactions.InteractionPayloads.buttonClick;
import static io.incidentbot.slack.interactions.InteractionPayloads.submission;
import static io.incidentbot.slack.interactions.InteractionPayloads.text;
import static io.incidentbot.slack.interactions.InteractionPayloads.userSelect;
import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "Forged picker values" (it needs the signing secret, still): a user ID {@code U1><!channel} in a
 * Roles modal put a live {@code @channel} into the role post and the topic, and a 5,000-character ID broke
 * every later header update. User IDs read from interaction payloads must now look like Slack's
 * ({@code ^[UW][A-Z0-9]{2,}$}, at most 32 characters); anything else is refused with a sentence and
 * changes nothing.
 */
class ForgedUserIdsTest extends RunningBotFixture {
    private static Map<String, Object> roles(String lead, String comms) {
        Map<String, Object> values = new HashMap<>();
        values.putAll(userSelect("role_lead", lead));
        values.putAll(userSelect("role_comms", comms));
        values.putAll(userSelect("role_scribe", null));
        return values;
    }

    @Test
    void theShapeOfASlackUserId() {
        assertThat(Mentions.isUserId("UALICE001")).isTrue();
        assertThat(Mentions.isUserId("W012A3CDE")).isTrue();
        assertThat(Mentions.isUserId("U1><!channel")).isFalse();
        assertThat(Mentions.isUserId("U1")).isFalse();
        assertThat(Mentions.isUserId("u012abcde")).isFalse();
        assertThat(Mentions.isUserId("U" + "A".repeat(4_999))).isFalse();
        assertThat(Mentions.isUserId(null)).isFalse();
    }

    @Test
    void aRolesModalWithAForgedIdIsRefusedNextToThePickerAndChangesNoRole() {
        Incident i = declared();
        for (String forged : new String[] {"U1><!channel", "U" + "A".repeat(4_999)}) {
            HttpResponse<String> r = bot.client.interactivity(submission("UALICE001", Modals.ROLES,
                    String.valueOf(i.number()), roles("UBOB00001", forged)));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"response_action\":\"errors\"").contains("\"role_comms\"")
                    .contains("That is not a Slack user; pick the person from the list.");
        }
        assertThat(incident().roles()).containsEntry(Role.LEAD, "UALICE001").doesNotContainKey(Role.COMMS);
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> String.valueOf(c.arg("text")).contains("<!channel>"));
        assertThat(slack.calls("conversations.setTopic")).noneMatch(c -> String.valueOf(c.arg("topic")).contains("<!channel"));
    }

    @Test
    void aFollowUpOwnerThatIsNotAUserIsRefused() {
        Incident i = declared();
        Map<String, Object> values = new HashMap<>();
        values.putAll(text(Modals.TEXT, "add an alert"));
        values.putAll(userSelect(Modals.OWNER, "U1><!here"));

        HttpResponse<String> r = bot.client.interactivity(submission("UALICE001", Modals.FOLLOW_UP,
                String.valueOf(i.number()), values));

        assertThat(r.body()).contains("\"response_action\":\"errors\"").contains("That is not a Slack user");
        java.util.List<io.incidentbot.incident.FollowUp> followUps = bot.bot.storage().read(rs -> rs.followUps().list(1));
        assertThat(followUps).isEmpty();
    }

    @Test
    void aClickFromAForgedUserIdChangesNothing() {
        Incident i = declared();
        HttpResponse<String> r = bot.client.interactivity(buttonClick("U1><!channel", i.channelId(), i.headerTs(),
                io.incidentbot.slack.render.ReminderPosts.TAKE_LEAD, String.valueOf(i.number()), slack.url("/response/forged")));

        assertThat(r.statusCode()).isEqualTo(200);
        await("the answer", 10, () -> !slack.calls("response_url/forged").isEmpty());
        assertThat(String.valueOf(slack.calls("response_url/forged").get(0).arg("text")))
                .contains("did not come from a Slack user");
        assertThat(incident().roles()).containsEntry(Role.LEAD, "UALICE001");
    }
}
