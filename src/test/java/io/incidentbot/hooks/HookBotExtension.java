package io.incidentbot.hooks;

import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JUnit 5 extension for the webhook tests: each test gets a {@link SlackStandIn} and a temporary folder; the
 * test starts its {@link HookBot} with the environment it needs ({@link #start}); the bot, the stand-in and the
 * folder are closed and deleted after the test.
 */
final class HookBotExtension implements BeforeEachCallback, AfterEachCallback {
    private SlackStandIn slack;
    private Path dir;
    private HookBot hooks;

    /** @return this test's Web API stand-in (started) */
    SlackStandIn slack() {
        return slack;
    }

    /**
     * Starts the bot on a settable clock against this test's stand-in and a SQLite file in its folder.
     *
     * @param env variables added to {@code RunningBot.env} and the webhook secrets ({@link HookBot})
     */
    HookBot start(Map<String, String> env) throws Exception {
        hooks = new HookBot(slack, dir.resolve("incidents.db"), env);
        return hooks;
    }

    /** @return the {@code chat.postMessage} calls to {@code channel}, in order */
    List<SlackStandIn.Call> postsTo(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel"))).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        slack = new SlackStandIn();
        dir = Files.createTempDirectory("incident-bot-hooks-");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (hooks != null) {
                hooks.close();
                hooks = null;
            }
        } finally {
            slack.close();
            io.incidentbot.testkit.TempDatabase.deleteFolder(dir);
        }
    }
}
