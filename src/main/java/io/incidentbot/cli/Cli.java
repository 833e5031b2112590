package io.incidentbot.cli;

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
 *   <li>{@code postmortem <number>}: prints the postmortem draft of an incident;</li>
 *   <li>{@code import <export-dir-or-zip> --channel <name>}: imports a channel of a Slack export as a
 *       resolved incident and prints its draft;</li>
 *   <li>{@code --version} (or {@code version}, {@code -V}): prints {@code incident-bot <version>};</li>
 *   <li>{@code help} (or {@code --help}, {@code -h}): prints the usage, exit status 0.</li>
 * </ul>
 * They read {@code INCIDENT_DB} (SQLite file, default {@code ./incidents.db}) and {@code INCIDENT_TIMEZONE}
 * (default {@code UTC}) and need no Slack token. The draft goes to standard output as UTF-8 Markdown;
 * messages go to standard error.
 */
public final class Cli {
    /** The usage text, printed for no arguments, {@code help}, or an unknown command. */
    static final String USAGE = """
            usage: incident-bot                                   run the bot (configured by environment variables)
                   incident-bot --version                         print the version
                   incident-bot help                              print this text
                   incident-bot postmortem <number>               print the postmortem draft of an incident
                   incident-bot import <export-dir-or-zip> --channel <name>
                                                                  import a channel of a Slack export as a resolved
                                                                  incident and print its postmortem draft
            environment: INCIDENT_DB (SQLite file, default ./incidents.db), INCIDENT_TIMEZONE (default UTC)""";

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
                case "postmortem" -> postmortem(rest, env, out);
                case "import" -> importChannel(rest, env, out, err);
                case "--version", "-V", "version" -> out.println("incident-bot " + io.incidentbot.Version.current());
                case "help", "--help", "-h" -> out.println(USAGE);
                default -> {
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

    private static void postmortem(List<String> args, Map<String, String> env, PrintStream out)
            throws CliException, IOException {
        if (args.size() != 1) {
            throw new CliException("needs one incident number: postmortem <number>");
        }
        long number = number(args.get(0));
        ZoneId zone = zone(env);
        String path = database(env);
        if (!Files.exists(Path.of(path))) {
            throw new CliException("there is no database at " + path + " (set INCIDENT_DB)");
        }
        try (JdbiStorage storage = Database.open(path)) {
            print(new PostmortemService(storage, UserDirectory.NONE, Clock.systemUTC(), zone), number, out);
        } catch (UnknownIncidentException e) {
            throw new CliException("there is no incident " + number + " in " + path);
        }
    }

    private static void importChannel(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
            throws CliException, IOException {
        ImportCommand command = ImportCommand.parse(args);
        ZoneId zone = zone(env);
        ImportPlan plan = command.read();
        try (JdbiStorage storage = Database.open(database(env))) {
            ImportCommand.store(plan, storage, zone, Clock.systemUTC(), out, err);
        }
    }

    /** Writes the draft of incident {@code number} to {@code out} as UTF-8. */
    static void print(PostmortemService service, long number, PrintStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        service.render(number, w);
        w.flush();
    }

    private static long number(String text) throws CliException {
        String digits = text.strip().replaceFirst("^#", "");
        if (!digits.matches("\\d{1,18}") || Long.parseLong(digits) == 0) {
            throw new CliException(text + " is not an incident number (1, 2, 3, ...)");
        }
        return Long.parseLong(digits);
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
}
