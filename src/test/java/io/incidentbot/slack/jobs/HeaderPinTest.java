package io.incidentbot.slack.jobs;

import io.incidentbot.incident.Incident;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "The header is not pinned": the README promised it, but there was no {@code pins.add} and the
 * manifest had only {@code pins:read}. The header is pinned once, right after it is posted, so its buttons
 * do not scroll away; an install without {@code pins:write} keeps working with an unpinned header.
 */
class HeaderPinTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();

    private Incident declared(RunningBot bot) {
        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
        await("the header", 10, () -> bot.bot.storage().read(r -> r.incidents().find(1))
                .map(i -> i.headerTs() != null).orElse(false));
        return bot.bot.storage().read(r -> r.incidents().find(1)).orElseThrow();
    }

    private void drained(RunningBot bot) {
        await("outbox drained", 20, () -> bot.bot.storage().read(r -> r.outbox().pendingCount()) == 0);
    }

    @Test
    void theHeaderIsPinnedOnceAfterItIsPosted() {
        RunningBot bot = kit.bot();
        Incident i = declared(bot);
        await("pins.add", 10, () -> !slack.calls("pins.add").isEmpty());
        assertThat(slack.calls("pins.add").get(0).args()).containsEntry("channel", i.channelId())
                .containsEntry("timestamp", i.headerTs());

        bot.client.command("status identified", "UALICE001", i.channelId());
        bot.client.command("sev sev1", "UALICE001", i.channelId());
        drained(bot);
        assertThat(slack.calls("chat.update")).isNotEmpty();
        assertThat(slack.calls("pins.add")).hasSize(1);
    }

    @Test
    void withoutPinsWriteTheHeaderStaysUnpinnedAndNothingFails() {
        slack.override("pins.add", c -> SlackStandIn.json(Map.of("ok", false, "error", "missing_scope",
                "needed", "pins:write", "provided", "chat:write")));
        RunningBot bot = kit.bot();
        Incident i = declared(bot);
        bot.client.command("status identified", "UALICE001", i.channelId());
        drained(bot);
        java.util.List<?> failed = bot.bot.storage().read(r -> r.outbox().failed(1));
        assertThat(failed).isEmpty();
        assertThat(slack.calls("pins.add")).hasSize(1);
        assertThat(slack.calls("chat.update")).isNotEmpty();
    }
}
