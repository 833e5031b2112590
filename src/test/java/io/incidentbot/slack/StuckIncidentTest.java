package io.incidentbot.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: an incident whose channel cannot be created for good ({@code missing_scope}) was stuck:
 * {@code /incident list} showed the last error of the chain ({@code no_incident_channel}) rather than the
 * cause, and it could never be resolved. Its declarer can now retry or cancel it from anywhere.
 */
class StuckIncidentTest {
    @TempDir
    Path dir;

    private static List<Incident> incidents(RunningBot bot) {
        return bot.bot.storage().read(r -> r.incidents().listAll());
    }

    private static void drained(RunningBot bot) {
        await("outbox drained", 30, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    @Test
    void theListShowsTheCauseAndTheDeclarerCanRetryOnceTheScopeIsGranted() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); RunningBot bot = RunningBot.start(slack, dir.resolve("r.db"))) {
            AtomicBoolean scopeMissing = new AtomicBoolean(true);
            slack.override("conversations.create", c -> scopeMissing.get()
                    ? SlackStandIn.json(Map.of("ok", false, "error", "missing_scope")) : null);
            bot.client.command("declare sev1 Payments down", "UALICE001", "CGENERAL1");
            drained(bot);

            assertThat(bot.client.say("list", "UBOB00001", "CGENERAL1"))
                    .contains("first: create channel — `conversations.create: missing_scope`")
                    .doesNotContain("no_incident_channel")
                    .contains("`/incident retry 1`").contains("`/incident cancel 1`");
            assertThat(bot.client.say("retry 1", "UBOB00001", "CGENERAL1"))
                    .contains("Only the declarer of incident 1 can retry it.");

            scopeMissing.set(false);
            assertThat(bot.client.say("retry 1", "UALICE001", "CRANDOM01"))
                    .contains("Trying again to create the channel of incident 1");
            await("header", 30, () -> incidents(bot).get(0).headerTs() != null);
            assertThat(slack.channels()).containsOnlyKeys("inc-1-payments-down");
            assertThat(slack.calls("conversations.invite")).isNotEmpty();
            assertThat(bot.client.say("retry 1", "UALICE001", "CGENERAL1")).contains("has its channel");
        }
    }

    @Test
    void theDeclarerCanCancelAStuckIncidentAndItLeavesTheList() throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); RunningBot bot = RunningBot.start(slack, dir.resolve("c.db"))) {
            slack.override("conversations.create", c -> SlackStandIn.json(Map.of("ok", false, "error", "missing_scope")));
            bot.client.command("declare sev2 Never had a channel", "UALICE001", "CGENERAL1");
            drained(bot);

            assertThat(bot.client.say("cancel 1", "UBOB00001", "CGENERAL1")).contains("Only the declarer");
            assertThat(bot.client.say("cancel 1", "UALICE001", "CGENERAL1")).contains("Incident 1 is cancelled");

            assertThat(bot.client.say("list", "UALICE001", "CGENERAL1")).contains("No open incidents");
            assertThat(incidents(bot).get(0).resolvedAt()).isNotNull();
            assertThat(bot.client.say("cancel 1", "UALICE001", "CGENERAL1")).contains("already resolved");
            assertThat(bot.client.say("cancel 7", "UALICE001", "CGENERAL1")).contains("There is no incident 7");
            assertThat(bot.client.say("help", "UALICE001", "CGENERAL1"))
                    .contains("`/incident retry <n>`").contains("`/incident cancel <n>`");
        }
    }
}
