package io.incidentbot.cli;

import io.incidentbot.changes.Change;
import io.incidentbot.changes.ChangeKind;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stats} on the command line: text on standard output, the weekly chart as a PNG, bad input refused, repeats
 * counted with {@code INCIDENT_CHANGE_WINDOW}.
 */
class StatsCliTest {
    @TempDir
    Path dir;
    private Map<String, String> env;

    @BeforeEach
    void seed() {
        Path db = dir.resolve("incidents.db");
        env = Map.of("INCIDENT_DB", db.toString());
        Instant now = Instant.now();
        try (JdbiStorage storage = Database.open(db.toString())) {
            storage.run(r -> {
                for (int[] i : new int[][] {{1, 60}, {2, 120}, {400, 30}}) {
                    Instant declared = now.minus(Duration.ofDays(i[0]));
                    long n = r.incidents().create("Checkout down " + i[0], Severity.SEV2, false, null, "U1", declared)
                            .number();
                    r.incidents().setStatus(n, Status.RESOLVED, null, null, declared.plus(Duration.ofMinutes(i[1])));
                }
            });
        }
    }

    @Test
    void printsTheInsightsAndWritesTheWeeklyChart() throws Exception {
        Path png = dir.resolve("weekly.png");

        CliRun run = CliRun.run(env, "stats", "--since", "30d", "--chart", png.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Incidents declared in the last 30 days (")
                .contains("): 2, 0 still open\n")
                .contains("  SEV2     2  —                        —                        1 h / 2 h (2)\n")
                .contains("Longest open\n  none: every incident is resolved\n");
        assertThat(run.err()).isEqualTo("Wrote incidents per week to " + png + ".\n");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
    }

    @Test
    void aYearsChartSaysItCountsMonths() throws Exception {
        Path png = dir.resolve("monthly.png");

        CliRun run = CliRun.run(env, "stats", "--since", "365d", "--chart", png.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Wrote incidents per month to " + png + ".\n");
    }

    @Test
    void repeatIncidentsByAChangedServiceFollowIncidentChangeWindow() {
        Instant now = Instant.now();
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            storage.run(r -> {
                for (int days : new int[] {80, 20}) {                           // two incidents, each 3 days
                    Instant declared = now.minus(Duration.ofDays(days));        // after a deploy of checkout
                    r.changes().add(new Change("deploys", "d" + days, "Deploy checkout", "checkout", "prod", "dana", null,
                            ChangeKind.DEPLOY, declared.minus(Duration.ofDays(3))), declared);
                    r.incidents().create("Payments slow " + days, Severity.SEV3, false, null, "U1", declared);
                }
            });
        }
        Map<String, String> week = new java.util.HashMap<>(env);
        week.put("INCIDENT_CHANGE_WINDOW", "7d");

        CliRun byDefault = CliRun.run(env, "stats", "--since", "30d");
        CliRun weekly = CliRun.run(week, "stats", "--since", "30d");

        assertThat(byDefault.status()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).as("24 h: the deploys are not the incidents' service").contains("; repeat incidents 0\n");
        assertThat(weekly.status()).as(weekly.err()).isZero();
        assertThat(weekly.out()).as("7 d, as the bot's /incident stats reads it").contains("; repeat incidents 1\n");
        week.put("INCIDENT_CHANGE_WINDOW", "soon");
        CliRun bad = CliRun.run(week, "stats");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).startsWith("stats: INCIDENT_CHANGE_WINDOW must be a positive duration").doesNotContain("\n\n");
    }

    @Test
    void withAProcessFileTheLastLineNamesTheRenamedSeveritiesAndABadFileIsOneLineAndExitStatusTwo() throws Exception {
        Map<String, String> named = new java.util.HashMap<>(env);
        named.put("INCIDENT_PROCESS_FILE", Path.of("docs/process.example.yaml").toString());
        CliRun run = CliRun.run(named, "stats", "--since", "30d");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).as("the columns keep their codes").contains("  SEV2     2  ")
                .endsWith("\n\nSEV1 is Critical · SEV2 is Major · SEV3 is Minor · SEV4 is Low\n");
        assertThat(CliRun.run(env, "stats", "--since", "30d").out()).as("without one").doesNotContain(" is Major");

        Path bad = dir.resolve("process.yaml");
        java.nio.file.Files.writeString(bad, "severities:\n  SEV9: {name: Huge}\n");
        named.put("INCIDENT_PROCESS_FILE", bad.toString());
        CliRun refused = CliRun.run(named, "stats");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("stats: INCIDENT_PROCESS_FILE " + bad).endsWith("\n")
                .doesNotContain("\n\n").hasLineCount(1);
    }

    @Test
    void aBadWindowIsOneLineAndExitStatusTwo() {
        CliRun run = CliRun.run(env, "stats", "--since", "soon");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("stats: --since: soon is not a window: use 30d, 90d or 365d\n");
    }
}
