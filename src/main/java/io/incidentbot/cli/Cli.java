package io.incidentbot.cli;

import io.incidentbot.config.DatabaseSettings;
import io.incidentbot.postmortem.PostmortemService;
import io.incidentbot.postmortem.UnknownIncidentException;
import io.incidentbot.postmortem.UserDirectory;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Command-line tools, run by {@code Main} when it is given arguments:
 * <ul>
 *   <li>{@code postmortem <number> [--chart FILE]}: prints the postmortem draft of an incident and, with
 *       {@code --chart}, writes its timeline picture (PNG) to FILE;</li>
 *   <li>{@code stats [--since 90d] [--chart FILE]}: incident insights (counts per week, median and p90
 *       times by severity, longest open, follow-ups), with {@code --chart} incidents per week as a PNG;</li>
 *   <li>{@code import <export-dir-or-zip> --channel <name> [--chart FILE]}: imports a channel of a Slack
 *       export as a resolved incident and prints its draft; with {@code --chart}, writes its timeline picture
 *       to FILE;</li>
 *   <li>{@code migrate-db <from> <to>}: copies every table of one database into another, empty one
 *       (e.g. a SQLite file into PostgreSQL), see {@link MigrateDb}.</li>
 *   <li>{@code check-process FILE}: checks a process file without starting the bot, see {@link CheckProcess}.</li>
 *   <li>{@code --version} (or {@code version}, {@code -V}): prints {@code incident-bot <version>};</li>
 *   <li>{@code help} (or {@code --help}, {@code -h}): prints the usage, exit status 0.</li>
 * </ul>
 * They read {@code INCIDENT_DB} (SQLite file, default {@code ./incidents.db}) and {@code INCIDENT_TIMEZONE}
 * (default {@code UTC}) and need no Slack token. The draft goes to standard output as UTF-8 Markdown;
 * messages go to standard error. The draft links its timeline picture only when {@code --chart FILE}
 * writes it (as FILE was given), never a file that was not written.
 */
public final class Cli {
    /** The usage text, printed for no arguments, {@code help}, or an unknown command (after a line naming it). */
    static final String USAGE = """
            usage: incident-bot                                   run the bot (configured by environment variables)
                   incident-bot --version                         print the version
                   incident-bot help                              print this text
                   incident-bot postmortem <number> [--chart FILE]
                                                                  print the postmortem draft of an incident; with
                                                                  --chart, also write its timeline picture (PNG)
                   incident-bot stats [--since 90d] [--chart FILE]
                                                                  incident insights; with --chart, incidents per
                                                                  week (per month over 120 days) as a PNG; with
                                                                  INCIDENT_PROCESS_FILE, a last line naming its
                                                                  severities
                   incident-bot import <export-dir-or-zip> --channel <name> [--chart FILE]
                                                                  import a channel of a Slack export as a resolved
                                                                  incident and print its postmortem draft; with
                                                                  --chart, also write its timeline picture (PNG)
                   incident-bot migrate-db <from> <to>            copy every table of one database into another,
                                                                  empty one, e.g. ./incidents.db to
                                                                  jdbc:postgresql://db:5432/incidents
                   incident-bot check-process FILE                check a process file (INCIDENT_PROCESS_FILE)
                                                                  without starting the bot
            environment: INCIDENT_DB (SQLite file or jdbc:postgresql://..., default ./incidents.db),
                         INCIDENT_DB_USER, INCIDENT_DB_PASSWORD (PostgreSQL), INCIDENT_TIMEZONE (default UTC)""";

    private Cli() {
    }

    /**
     * Runs one command.
     *
     * @param args command and its arguments, e.g. {@code ["postmortem", "42"]}
     * @param out  receives the postmortem draft (UTF-8)
     * @param err  receives usage, errors (one line) and progress
     * @param env  environment variables ({@code INCIDENT_DB}, {@code INCIDENT_TIMEZONE})
     * @return exit status: 0 done, 2 bad input or usage (nothing changed), 1 unexpected failure
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "" : args[0];
        try {
            switch (command) {
                case "postmortem" -> postmortem(rest, env, out, err);
                case "import" -> importChannel(rest, env, out, err);
                case "stats" -> stats(rest, env, out, err);
                case "migrate-db" -> MigrateDb.run(rest, env, err);
                case "check-process" -> CheckProcess.run(rest, out);
                case "--version", "-V", "version" -> out.println("incident-bot " + io.incidentbot.Version.current());
                case "help", "--help", "-h" -> out.println(USAGE);
                case "" -> {
                    err.println(USAGE);
                    return 2;
                }
                default -> {
                    err.println("incident-bot: unknown command '" + printable(command) + "'");
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (CliException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println(command + " failed: " + e);
            return 1;
        }
    }

    private static void postmortem(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws CliException, IOException {
        Path chart = null;
        List<String> rest = new java.util.ArrayList<>(args);
        int flag = rest.indexOf("--chart");
        if (flag >= 0) {
            if (flag + 1 >= rest.size() || rest.get(flag + 1).isBlank() || rest.get(flag + 1).startsWith("--")) {
                throw new CliException("--chart needs a file name: postmortem <number> --chart incident-<n>-timeline.png");
            }
            chart = Path.of(rest.get(flag + 1));
            rest.subList(flag, flag + 2).clear();
        }
        if (rest.size() != 1) {
            throw new CliException("needs one incident number: postmortem <number> [--chart FILE]");
        }
        long number = number(rest.get(0));
        Path parent = chart == null ? null : chart.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException("--chart: there is no folder " + parent);
        }
        ZoneId zone = zone(env);
        java.time.Duration window = changeWindow(env);
        String path = database(env);
        if (!path.startsWith("jdbc:") && !Files.exists(Path.of(path))) {
            throw new CliException("there is no database at " + path + " (set INCIDENT_DB)");
        }
        try (JdbiStorage storage = Database.open(DatabaseSettings.fromEnv(env), batchTimeouts(env))) {
            // the same Related incidents as the draft the bot uploads (issue 22), with its INCIDENT_CHANGE_WINDOW
            PostmortemService drafts = drafts(storage, zone, window).using(template(env))
                    .relatedBy(new io.incidentbot.trackers.seen.draft.SeenBeforeRelated(
                            new io.incidentbot.trackers.seen.SeenBeforeSource(window)));
            writeChart(drafts, number, chart, err);
            print(drafts, number, out, chart);
        } catch (UnknownIncidentException e) {
            throw new CliException("there is no incident " + number + " in " + DatabaseSettings.redact(path));
        }
    }

    /**
     * @return {@code INCIDENT_CHANGE_WINDOW} as the bot reads it (default 24 h): the changes listed before an incident,
     *         and a changed service's part in related and repeat incidents
     */
    static java.time.Duration changeWindow(Map<String, String> env) throws CliException {
        try {
            return io.incidentbot.config.HookSettings.changeWindow(env);
        } catch (io.incidentbot.config.ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    /**
     * @return the drafts of the database's incidents, times in {@code zone}, changes of {@code window} before each, and
     *         the stored alerts' firing spans in Impact and the picture, as the bot's uploaded draft has them
     */
    private static PostmortemService drafts(JdbiStorage storage, ZoneId zone, java.time.Duration window) {
        return new PostmortemService(storage, UserDirectory.NONE, Clock.systemUTC(), zone,
                new io.incidentbot.postmortem.StoredAlerts(), window);
    }

    /** @return PostgreSQL's waits for a command-line tool: the background limit for every statement */
    static io.incidentbot.storage.jdbi.DatabaseTimeouts batchTimeouts(Map<String, String> env) throws CliException {
        try {
            return io.incidentbot.storage.jdbi.DatabaseTimeouts.fromEnv(env).forBackground();
        } catch (io.incidentbot.config.ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    /**
     * @return the team's postmortem template, checked ({@code INCIDENT_POSTMORTEM_TEMPLATE}), or the default, with the
     *         process file's per-type templates and field labels ({@code INCIDENT_PROCESS_FILE})
     */
    private static io.incidentbot.postmortem.PostmortemSettings template(Map<String, String> env) throws CliException {
        try {
            return io.incidentbot.postmortem.PostmortemSettings.fromEnv(env)
                    .withProcess(io.incidentbot.process.ProcessSettings.fromEnv(env));
        } catch (io.incidentbot.config.ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static void stats(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws CliException, IOException {
        StatsCli command = StatsCli.parse(args);
        ZoneId zone = zone(env);
        java.time.Duration window = changeWindow(env);
        String legend = legend(env);
        String path = database(env);
        if (!path.startsWith("jdbc:") && !Files.exists(Path.of(path))) {
            throw new CliException("there is no database at " + path + " (set INCIDENT_DB)");
        }
        try (JdbiStorage storage = Database.open(DatabaseSettings.fromEnv(env), batchTimeouts(env))) {
            command.run(storage, Clock.systemUTC(), zone, window, legend, out, err);
        }
    }

    private static void importChannel(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws CliException, IOException {
        List<String> rest = new java.util.ArrayList<>(args);
        Path chart = chartOption(rest, "import <export> --channel <name> --chart incident-timeline.png");
        ImportCommand command = ImportCommand.parse(rest);
        ZoneId zone = zone(env);
        java.time.Duration window = changeWindow(env);
        ImportPlan plan = command.read();
        try (JdbiStorage storage = Database.open(DatabaseSettings.fromEnv(env), batchTimeouts(env))) {
            long number = command.store(plan, storage, Clock.systemUTC(), err);
            PostmortemService drafts = drafts(storage, zone, window).using(template(env));
            writeChart(drafts, number, chart, err);
            print(drafts, number, out, chart);
        }
    }

    /**
     * Writes the draft of incident {@code number} to {@code out} as UTF-8.
     *
     * @param chart the picture written with {@code --chart}, linked by its file name (the draft is meant to be
     *              saved next to it); null to link none
     */
    static void print(PostmortemService service, long number, PrintStream out, Path chart) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        service.render(number, w, chart == null ? null : chart.getFileName().toString());
        w.flush();
    }

    /** Writes incident {@code number}'s timeline picture to {@code chart} (nothing when null) and says so. */
    static void writeChart(PostmortemService drafts, long number, Path chart, PrintStream err) throws IOException {
        if (chart != null) {
            Files.write(chart, drafts.chart(number));
            err.println("Wrote the timeline picture of incident " + number + " to " + chart + ".");
        }
    }

    /**
     * Takes {@code --chart FILE} out of {@code args}.
     *
     * @return FILE, or null when the option is not given
     * @throws CliException when FILE is missing or its folder does not exist
     */
    static Path chartOption(List<String> args, String usage) throws CliException {
        int flag = args.indexOf("--chart");
        if (flag < 0) {
            return null;
        }
        if (flag + 1 >= args.size() || args.get(flag + 1).isBlank() || args.get(flag + 1).startsWith("--")) {
            throw new CliException("--chart needs a file name: " + usage);
        }
        Path chart = Path.of(args.get(flag + 1));
        args.subList(flag, flag + 2).clear();
        Path parent = chart.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CliException("--chart: there is no folder " + parent);
        }
        return chart;
    }

    private static long number(String text) throws CliException {
        String digits = text.strip().replaceFirst("^#", "");
        if (!digits.matches("\\d{1,18}") || Long.parseLong(digits) == 0) {
            throw new CliException(text + " is not an incident number (1, 2, 3, ...)");
        }
        return Long.parseLong(digits);
    }

    /**
     * Reads {@code INCIDENT_PROCESS_FILE} as the bot does (issue 25), for the stats' last line.
     *
     * @return the line naming the severities the file renames, plain text ({@code SEV1 is Critical · SEV2 is Major}),
     *         or null without a process file or renames
     * @throws CliException one line naming the variable, the file and what is wrong with it
     */
    static String legend(Map<String, String> env) throws CliException {
        try {
            io.incidentbot.process.ProcessSettings process = io.incidentbot.process.ProcessSettings.fromEnv(env);
            return process.configured() ? io.incidentbot.process.slack.TypeExtras.names(process.process()).legendText() : null;
        } catch (io.incidentbot.config.ConfigException e) {
            throw new CliException(e.getMessage());
        }
    }

    private static ZoneId zone(Map<String, String> env) throws CliException {
        String name = env.getOrDefault("INCIDENT_TIMEZONE", "");
        try {
            return name.isBlank() ? ZoneId.of("UTC") : ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new CliException("INCIDENT_TIMEZONE: " + name + " is not a time zone (e.g. UTC, Europe/Berlin)");
        }
    }

    private static String database(Map<String, String> env) {
        String path = env.getOrDefault("INCIDENT_DB", "");
        return path.isBlank() ? "./incidents.db" : path.strip();
    }

    /** @return {@code word} with control characters replaced by '?' and cut to 60 characters, safe to echo to a terminal */
    static String printable(String word) {
        String clean = word.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
    }
}
