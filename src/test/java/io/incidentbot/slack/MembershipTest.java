package io.incidentbot.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees a private incident in {@code /incident list} follows who is in its channel now, from
 * {@code member_joined_channel} / {@code member_left_channel} events shaped like the examples in Slack's
 * documentation of those events (which carry no {@code event_ts}: the envelope's {@code event_time}
 * dates them).
 */
class MembershipTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
    }

    private String privateIncidentChannel() {
        String body = ModalPayloads.submission("UALICE001", "Credential leak", "SEV1", "keys in a public gist", true);
        assertThat(bot.client.post(body, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
        await("private channel created", 10, () -> incident().channelId() != null);
        return incident().channelId();
    }

    private Incident incident() {
        return bot.bot.storage().transaction(r -> r.incidents().find(1)).orElseThrow();
    }

    /** Slack's documented example of the event: no event_ts; the envelope's event_time is {@code epochSeconds}. */
    private void send(Map<String, Object> event, long epochSeconds) {
        Map<String, Object> envelope = SlackEvents.envelope(event);
        envelope.put("event_time", epochSeconds);
        assertThat(bot.client.event(envelope, Map.of()).statusCode()).isEqualTo(200);
    }

    private boolean listed(String user) {
        return bot.client.say("list", user, "CGENERAL1").contains("Credential leak");
    }

    @Test
    void someoneWhoLeftAPrivateIncidentsChannelNoLongerSeesItInTheList() {
        String channel = privateIncidentChannel();
        long t = SignedClient.now();
        assertThat(listed("UBOB00001")).isFalse();

        send(SlackEvents.memberJoined(channel, "UBOB00001", null), t + 1);
        assertThat(listed("UBOB00001")).isTrue();

        send(SlackEvents.memberLeft(channel, "UBOB00001", null), t + 2);
        assertThat(listed("UBOB00001")).isFalse();

        send(SlackEvents.memberJoined(channel, "UBOB00001", null), t + 3);
        assertThat(listed("UBOB00001")).isTrue();

        send(SlackEvents.memberLeft(channel, "UALICE001", null), t + 4);
        assertThat(listed("UALICE001")).isFalse();
    }

    @Test
    void aLeaveThatArrivesBeforeAnEarlierJoinStillEndsOutside() {
        String channel = privateIncidentChannel();
        long t = SignedClient.now();

        send(SlackEvents.memberLeft(channel, "UBOB00001", (t + 20) + ".000100"), t + 20);
        send(SlackEvents.memberJoined(channel, "UBOB00001", (t + 10) + ".000100"), t + 10);

        assertThat(listed("UBOB00001")).isFalse();
    }

    @Test
    void aJoinWithoutEventTsMakesAParticipantTimedByTheEnvelope() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare Queue backlog", "UALICE001");
        Map<String, Object> joined = SlackEvents.memberJoined(inc.id, "UBOB00001", null);
        joined.remove("event_ts");

        send(joined, SlackEvents.BASE + 5);

        assertThat(inc.participants()).containsExactly("UALICE001", "UBOB00001");
    }

    @Test
    void emptyUserIdsAreNotParticipants() {
        IncidentChannel inc = IncidentChannel.declare(bot, "declare Queue backlog", "UALICE001");

        inc.send(SlackEvents.message(inc.id, "", SlackEvents.ts(1_000_000), "posted by an app without a user"));
        send(SlackEvents.memberJoined(inc.id, "", null), SlackEvents.BASE + 2);

        assertThat(inc.participants()).containsExactly("UALICE001");
        assertThat(inc.messages()).hasSize(1);
    }
}
