package io.incidentbot.storage;

import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.testkit.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot (a real child JVM running {@code io.incidentbot.Main}) given a PostgreSQL it cannot use:
 * one clear line naming {@code INCIDENT_DB} without its password, exit status 2, no stack trace.
 */
class PostgresStartupTest {
    private static SlackStandIn slack;

    @BeforeAll
    static void slack() throws Exception {
        slack = new SlackStandIn();
    }

    @AfterAll
    static void closeSlack() throws Exception {
        slack.close();
    }

    private record Exit(int status, String output) {
    }

    private static Exit runBot(String db, String user, String password) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.incidentbot.Main"));
        Map<String, String> env = new HashMap<>(Map.of("SLACK_BOT_TOKEN", SlackStandIn.BOT_TOKEN,
                "SLACK_SIGNING_SECRET", "s3cret", "SLACK_API_URL", slack.apiUrl(), "PORT", "0", "INCIDENT_DB", db));
        env.put("METRICS_PORT", "0");
        if (user != null) {
            env.put("INCIDENT_DB_USER", user);
        }
        if (password != null) {
            env.put("INCIDENT_DB_PASSWORD", password);
        }
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the bot exits").isTrue();
        return new Exit(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void assertOneClearLine(Exit exit, String expected) {
        assertThat(exit.status()).as(exit.output()).isEqualTo(2);
        assertThat(exit.output()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(exit.output().lines().filter(l -> l.startsWith("incident-bot: INCIDENT_DB")).toList())
                .as(exit.output()).singleElement().asString().contains(expected);
    }

    @Test
    void aPostgresUrlWithoutHostOrDatabaseIsOneLineAndExit2() throws Exception {
        assertOneClearLine(runBot("jdbc:postgresql:", null, null), "jdbc:postgresql:");
    }

    @Test
    void anUnreachableServerIsOneLineAndExit2() throws Exception {
        assertOneClearLine(runBot("jdbc:postgresql://127.0.0.1:9/incidents", "bot", "hunter2-unreachable"),
                "cannot reach the PostgreSQL server");
    }

    @Test
    void wrongCredentialsAreOneLineExit2AndThePasswordIsNeverPrinted() throws Exception {
        String server = TestPostgres.server();
        String inEnv = server.replaceFirst("\\?.*$", "");
        Exit fromEnv = runBot(inEnv, "incident_test", "wrong-secret-in-env");
        assertOneClearLine(fromEnv, "refused the login");
        assertThat(fromEnv.output()).doesNotContain("wrong-secret-in-env");

        Exit fromUrl = runBot(server.replaceFirst("password=[^&]*", "password=wrong-secret-in-url"), null, null);
        assertOneClearLine(fromUrl, "refused the login");
        assertThat(fromUrl.output()).doesNotContain("wrong-secret-in-url").contains("password=***");
    }

    @Test
    void aMissingDatabaseIsOneLineAndExit2() throws Exception {
        String missing = TestPostgres.withDatabase(TestPostgres.server(), "no_such_incident_db");
        assertOneClearLine(runBot(missing, null, null), "does not exist");
    }
}
