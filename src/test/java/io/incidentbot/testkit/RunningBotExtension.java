package io.incidentbot.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A JUnit 5 extension that gives a test a running bot: a {@link SlackStandIn}, a SQLite file in a
 * fresh temporary folder, and the whole bot ({@link RunningBot}) started against both; all three are
 * closed and deleted after the test. Registered on an instance field it serves each test; on a
 * static field, the whole class.
 *
 * <pre>{@code
 * @RegisterExtension
 * final RunningBotExtension kit = new RunningBotExtension();
 * final SlackStandIn slack = kit.slack();
 * RunningBot bot;
 *
 * @BeforeEach
 * void start() {
 *     bot = kit.bot();
 * }
 * }</pre>
 */
public final class RunningBotExtension implements BeforeEachCallback, AfterEachCallback, BeforeAllCallback,
        AfterAllCallback {
    private final SlackStandIn slack;
    private final Path dir;
    private RunningBot bot;
    private boolean perClass;
    private final Consumer<Map<String, String>> envChange;

    /** A bot against a stand-in with its defaults. */
    public RunningBotExtension() {
        this(slack -> { });
    }

    /**
     * @param standIn prepares the stand-in before the bot starts (users it knows, channels that exist,
     *                answers it overrides)
     */
    public RunningBotExtension(Consumer<SlackStandIn> standIn) {
        this(standIn, env -> { });
    }

    /**
     * @param standIn as above
     * @param env     changes the bot's environment ({@link #env()}) before it starts, e.g. sets a variable, so a
     *                class that needs one does not start a bot only to {@link #restart} it
     */
    public RunningBotExtension(Consumer<SlackStandIn> standIn, Consumer<Map<String, String>> env) {
        this.envChange = env;
        try {
            this.slack = new SlackStandIn();
            this.dir = Files.createTempDirectory("incident-bot-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        standIn.accept(slack);
    }

    /** @return the Web API stand-in the bot calls (started already) */
    public SlackStandIn slack() {
        return slack;
    }

    /**
     * @return the running bot
     * @throws IllegalStateException outside a test (before the bot started or after it stopped)
     */
    public RunningBot bot() {
        if (bot == null) {
            throw new IllegalStateException("the bot runs only during a test");
        }
        return bot;
    }

    /** @return the bot's SQLite file */
    public Path database() {
        return dir.resolve("incidents.db");
    }

    /** @return the environment the bot runs with ({@link RunningBot#env}); change a copy and {@link #restart} */
    public Map<String, String> env() {
        Map<String, String> env = new java.util.HashMap<>(RunningBot.env(slack, database()));
        envChange.accept(env);
        return env;
    }

    /**
     * Stops the bot and starts another on the same database and stand-in.
     *
     * @param env its environment, e.g. {@link #env()} with a variable changed
     * @return the new bot
     */
    public RunningBot restart(Map<String, String> env) throws Exception {
        stopBot();
        bot = RunningBot.start(slack, env);
        return bot;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        bot = RunningBot.start(slack, env());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            bot = RunningBot.start(slack, env());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    private void stopBot() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }

    private void close() throws IOException {
        try {
            stopBot();
        } finally {
            slack.close();
            TempDatabase.deleteFolder(dir);
        }
    }
}
