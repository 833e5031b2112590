package io.incidentbot.cli;

import io.incidentbot.incident.Severity;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PostmortemCommandTest {
    private static final Instant DECLARED = Instant.parse("2026-03-14T22:58:00Z");

    @TempDir
    Path dir;
    private Map<String, String> env;

    @BeforeEach
    void storeAnIncident() {
        Path db = dir.resolve("incidents.db");
        env = Map.of("INCIDENT_DB", db.toString());
        try (JdbiStorage storage = Database.open(db.toString())) {
            storage.run(r -> {
                long n = r.incidents().create("Orders DB failover", Severity.SEV2, false, "Checkout failing", "U1",
                        DECLARED).number();
                r.incidents().setChannel(n, "C1", "inc-1-orders-db-failover");
                String ts = SlackTs.fromInstant(DECLARED.plusSeconds(65));
                r.timeline().add(new TimelineEntry(0, n, EntryKind.MESSAGE, SlackTs.toInstant(ts), ts, null, "U1",
                        "primary is read-only", null, false, false, List.of()));
                r.userNames().put("U1", "Alice Chen", DECLARED);
            });
        }
    }

    @Test
    void printsTheDraftOfAnIncidentFromTheDatabase() {
        CliRun run = CliRun.run(env, "postmortem", "1");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("# Incident 1: Orders DB failover\n")
                .contains("Times are in UTC.", "| Declared | 2026-03-14 22:58 by Alice Chen |",
                        "- 22:59 **Alice Chen**: primary is read-only\n");
    }

    @Test
    void theDraftListsRelatedIncidentsWithTheirFollowUpsLikeTheUploadedOne() {
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            storage.run(r -> {
                r.incidents().create("Orders DB failover again", Severity.SEV2, false, null, "U1",
                        DECLARED.plus(java.time.Duration.ofDays(20)));
                r.followUps().add(1, "alert on WAL archiving", "U1", "U1", DECLARED);
            });
        }

        CliRun run = CliRun.run(env, "postmortem", "2");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("## Related incidents", "**Incident 1: Orders DB failover**",
                "  - [ ] alert on WAL archiving (Alice Chen)");
    }

    @Test
    void relatedIncidentsByAChangedServiceFollowIncidentChangeWindow() {
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            storage.run(r -> {
                Instant second = DECLARED.plus(java.time.Duration.ofDays(20));
                for (Instant declared : List.of(DECLARED, second)) {           // each 3 days after a deploy of checkout
                    r.changes().add(new io.incidentbot.changes.Change("deploys", "d" + declared, "Deploy checkout", "checkout",
                            "prod", "dana", null, io.incidentbot.changes.ChangeKind.DEPLOY,
                            declared.minus(java.time.Duration.ofDays(3))), declared);
                }
                r.incidents().create("Payment page errors", Severity.SEV2, false, null, "U1", second);
            });
        }
        Map<String, String> week = new java.util.HashMap<>(env);
        week.put("INCIDENT_CHANGE_WINDOW", "7d");

        CliRun byDefault = CliRun.run(env, "postmortem", "2");
        CliRun weekly = CliRun.run(week, "postmortem", "2");

        assertThat(byDefault.status()).as(byDefault.err()).isZero();
        assertThat(byDefault.out()).as("24 h: no change before either").doesNotContain("## Related incidents");
        assertThat(weekly.status()).as(weekly.err()).isZero();
        assertThat(weekly.out()).as("7 d, as the bot's uploaded draft reads it")
                .contains("## Related incidents", "**Incident 1: Orders DB failover**", "Deploy checkout");
    }

    @Test
    void theDraftsImpactNamesTheAlertsFiringSpanLikeTheUploadedOne() {
        Instant fired = DECLARED.minusSeconds(7 * 60);
        Instant resolved = DECLARED.plusSeconds(28 * 60);
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            storage.run(r -> {
                long group = r.alerts().group(io.incidentbot.alerts.AlertSource.ALERTMANAGER, "{}:{alertname=\"OrdersDbReadOnly\"}",
                        "Orders DB read-only", fired);
                io.incidentbot.alerts.Alert firing = new io.incidentbot.alerts.Alert("fp-1", "OrdersDbReadOnly",
                        io.incidentbot.alerts.AlertStatus.FIRING, Map.of("service", "orders"), Map.of(), fired, null,
                        null, null, null, null);
                r.alerts().addTransition(group, new io.incidentbot.alerts.Transition(firing,
                        io.incidentbot.alerts.AlertStatus.FIRING, fired), 1L, fired);
                r.alerts().linkIncident(group, 1);
                io.incidentbot.alerts.Alert ended = new io.incidentbot.alerts.Alert("fp-1", "OrdersDbReadOnly",
                        io.incidentbot.alerts.AlertStatus.RESOLVED, Map.of("service", "orders"), Map.of(), fired, resolved,
                        null, null, null, null);
                r.alerts().addTransition(group, new io.incidentbot.alerts.Transition(ended,
                        io.incidentbot.alerts.AlertStatus.RESOLVED, resolved), 1L, resolved);
            });
        }

        CliRun run = CliRun.run(env, "postmortem", "1");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).as("Impact's alert line, which the bot's draft has from the stored alert group")
                .contains("`OrdersDbReadOnly` firing 35 min (22:51 → 23:26)");
    }

    @Test
    void chartWritesTheTimelinePictureAsAPngThatDecodesAndStillPrintsTheDraft() throws Exception {
        Path png = dir.resolve("incident-1-timeline.png");

        CliRun run = CliRun.run(env, "postmortem", "1", "--chart", png.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Incident 1: Orders DB failover\n")
                .contains("](incident-1-timeline.png)");
        assertThat(run.err()).isEqualTo("Wrote the timeline picture of incident 1 to " + png + ".\n");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(800);
        long colours = java.util.stream.IntStream.range(0, 400).map(i -> image.getRGB(i * 4, 400)).distinct().count();
        assertThat(colours).as("colours across the middle of the picture").isGreaterThan(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--chart", "--chart|--verbose", "--chart|/no/such/folder/x.png"})
    void aChartWithoutAUsableFileIsRefusedAndNothingIsPrinted(String flags) {
        List<String> args = new java.util.ArrayList<>(List.of("postmortem", "1"));
        args.addAll(List.of(flags.split("\\|")));

        CliRun run = CliRun.run(env, args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("postmortem: ");
    }

    @Test
    void theTimeZoneComesFromTheEnvironment() {
        CliRun run = CliRun.run(Map.of("INCIDENT_DB", env.get("INCIDENT_DB"), "INCIDENT_TIMEZONE", "Europe/Berlin"),
                "postmortem", "1");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Times are in Europe/Berlin.", "| Declared | 2026-03-14 23:58 by Alice Chen |");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-3", "1.5", "99999999999999999999"})
    void aBadNumberIsOneLineOnStandardErrorAndExitStatusTwo(String number) {
        CliRun run = CliRun.run(env, "postmortem", number);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("postmortem: " + number + " is not an incident number (1, 2, 3, ...)\n");
    }

    @Test
    void anUnknownIncidentIsOneLineOnStandardErrorAndExitStatusTwo() {
        CliRun run = CliRun.run(env, "postmortem", "7");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("postmortem: there is no incident 7 in " + env.get("INCIDENT_DB") + "\n");
    }

    @Test
    void aBadTimeZoneIsRefused() {
        CliRun run = CliRun.run(Map.of("INCIDENT_DB", env.get("INCIDENT_DB"), "INCIDENT_TIMEZONE", "Mars/Olympus"),
                "postmortem", "1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("postmortem: INCIDENT_TIMEZONE: Mars/Olympus is not a time zone (e.g. UTC, Europe/Berlin)\n");
    }

    @Test
    void aMissingDatabaseIsReportedAndNotCreated() {
        Path missing = dir.resolve("nowhere.db");

        CliRun run = CliRun.run(Map.of("INCIDENT_DB", missing.toString()), "postmortem", "1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("postmortem: there is no database at " + missing + " (set INCIDENT_DB)\n");
        assertThat(Files.exists(missing)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate"})
    void noArgumentsOrAnUnknownCommandPrintUsageAndExitTwo(String command) {
        CliRun run = command.isEmpty() ? CliRun.run(env) : CliRun.run(env, command);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(command.isEmpty() ? "usage: incident-bot"
                        : "incident-bot: unknown command '" + command + "'\nusage: incident-bot")
                .contains("postmortem <number>", "import <export-dir-or-zip>");
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputAndExitsZero() {
        CliRun run = CliRun.run(env, "help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("usage: incident-bot").contains("postmortem <number>");
    }
}
