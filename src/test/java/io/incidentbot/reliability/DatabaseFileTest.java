package io.incidentbot.reliability;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (reliability): {@code /healthz} answers 503 when the database file was deleted under the bot,
 * requests are then refused instead of acknowledged and lost, and the bot refuses to start on a
 * database it cannot write (one line, exit status 2).
 */
class DatabaseFileTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseFileDeletedUnderTheBotMakesHealthz503AndNoRequestIsAcknowledgedAsDone() throws Exception {
        Path db = dir.resolve("gone.db");
        try (SlackStandIn slack = new SlackStandIn(); RunningBot bot = RunningBot.start(slack, db)) {
            assertThat(bot.client.get("/healthz").statusCode()).isEqualTo(200);

            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(db + suffix));
            }

            HttpResponse<String> health = bot.client.get("/healthz");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("was deleted since it was opened");
            assertThat(bot.client.say("declare sev1 Lost after delete", "UALICE001", "CGENERAL1"))
                    .contains("Something went wrong").contains("nothing was changed");
        }
    }

    @Test
    void theBotRefusesToStartOnADatabaseItCannotWriteWithOneLineAndExitStatus2() throws Exception {
        Path db = dir.resolve("readonly.db");
        Database.open(db.toString()).close();
        boolean immutable = makeUnwritable(db);
        try (SlackStandIn slack = new SlackStandIn()) {
            Map<String, String> env = RunningBot.env(slack, db);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    "io.incidentbot.Main"));
            pb.environment().clear();
            pb.environment().putAll(env);
            Path err = dir.resolve("stderr.txt");
            pb.redirectError(err.toFile());
            pb.redirectOutput(dir.resolve("stdout.txt").toFile());
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();

            assertThat(p.exitValue()).isEqualTo(2);
            List<String> lines = Files.readAllLines(err);
            assertThat(lines).filteredOn(l -> l.startsWith("incident-bot:")).singleElement().asString()
                    .startsWith("incident-bot: INCIDENT_DB " + db).contains("cannot be written");
            assertThat(String.join("\n", lines)).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
        } finally {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", db.toString()).start().waitFor();
            }
            db.toFile().setWritable(true);
        }
    }

    /**
     * Makes the file read-only: {@code chmod a-w}, and for root (whom modes do not stop) {@code chattr +i}.
     * Aborts the test when neither stops a write on this file system.
     *
     * @return true when the immutable attribute was set (the caller clears it)
     */
    private static boolean makeUnwritable(Path db) throws IOException, InterruptedException {
        assertThat(db.toFile().setWritable(false, false)).isTrue();
        boolean immutable = false;
        if (canAppend(db)) {
            Process chattr = new ProcessBuilder(new ArrayList<>(List.of("chattr", "+i", db.toString())))
                    .redirectErrorStream(true).start();
            immutable = chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
        }
        Assumptions.assumeFalse(canAppend(db), "this file system lets root write a read-only file and has no chattr +i");
        return immutable;
    }

    private static boolean canAppend(Path db) {
        try (OutputStream out = Files.newOutputStream(db, StandardOpenOption.APPEND)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
