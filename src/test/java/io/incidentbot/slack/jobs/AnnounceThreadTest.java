package io.incidentbot.slack.jobs;

import io.incidentbot.config.ConfigException;
import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 24, "Stakeholders miss changes": one announcement message per incident, kept showing its current state
 * ({@code chat.update}), with each later announcement (escalation, update, resolve, reopen) a reply in its thread;
 * the thread survives a restart. {@code INCIDENT_ANNOUNCE_STYLE=messages} keeps one message per announcement.
 */
class AnnounceThreadTest {
    private static final String ANNOUNCE = "CANNOUNCE1";

    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();

    private List<Map<String, Object>> announced() {
        return slack.messages(ANNOUNCE);
    }

    private static void drained(RunningBot bot) {
        await("outbox drained", 30, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    @Test
    void laterAnnouncementsAreRepliesInTheThreadOfOneMessageThatShowsTheCurrentState() throws Exception {
        RunningBot bot = kit.bot();
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev3 Checkout slow", "UALICE001");
        await("the declaration announced", 30, () -> announced().size() == 1);
        String parent = String.valueOf(announced().get(0).get("ts"));

        inc.say("sev sev1", "UALICE001");
        inc.say("update Failing over to the replica", "UALICE001");
        inc.say("resolve Failed over", "UALICE001");
        drained(bot);

        RunningBot again = kit.restart(kit.env());
        inc.in(again).say("status investigating", "UBOB00001");
        await("the reopen announced", 30, () -> announced().size() == 5);
        drained(again);

        List<Map<String, Object>> all = announced();
        assertThat(all).filteredOn(m -> m.get("thread_ts") == null).as("one message in the channel").hasSize(1);
        assertThat(all.subList(1, 5)).allSatisfy(m -> assertThat(m.get("thread_ts")).isEqualTo(parent));
        assertThat(all.subList(1, 5)).extracting(m -> String.valueOf(m.get("text"))).satisfiesExactly(
                t -> assertThat(t).contains("escalated from SEV3 to *SEV1*"),
                t -> assertThat(t).contains("Failing over to the replica"),
                t -> assertThat(t).startsWith(":white_check_mark: Incident " + inc.number),
                t -> assertThat(t).contains("was reopened by <@UBOB00001>"));
        assertThat(slack.calls("chat.update")).filteredOn(c -> ANNOUNCE.equals(c.arg("channel")))
                .hasSize(4).allSatisfy(c -> assertThat(c.arg("ts")).isEqualTo(parent));
        assertThat(String.valueOf(all.get(0).get("text"))).as("the parent shows the state now")
                .contains("*SEV1* incident " + inc.number, "*Checkout slow*", "*investigating*");
    }

    @Test
    void theMessagesStyleKeepsOneMessagePerAnnouncement() throws Exception {
        Map<String, String> env = new HashMap<>(kit.env());
        env.put("INCIDENT_ANNOUNCE_STYLE", "messages");
        RunningBot bot = kit.restart(env);
        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev3 Checkout slow", "UALICE001");
        inc.say("sev sev1", "UALICE001");
        await("both announced", 30, () -> announced().size() == 2);
        drained(bot);

        assertThat(announced()).allSatisfy(m -> assertThat(m.get("thread_ts")).isNull());
        assertThat(slack.calls("chat.update")).noneMatch(c -> ANNOUNCE.equals(c.arg("channel")));
        assertThatThrownBy(() -> AnnounceStyle.fromEnv(Map.of("INCIDENT_ANNOUNCE_STYLE", "threads")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("INCIDENT_ANNOUNCE_STYLE must be");
    }
}
