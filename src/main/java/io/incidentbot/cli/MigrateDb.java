package io.incidentbot.cli;

import io.incidentbot.config.DatabaseSettings;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.storage.jdbi.TableCopy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code migrate-db <from> <to>}: moves the bot's state from one database to another, typically a
 * SQLite file to PostgreSQL when going from one replica to several. Both are opened as the bot opens
 * them (Flyway brings both to the current schema); every table is copied in one transaction on the
 * target ({@link TableCopy}), which must be empty. Stop the bot first: rows written during the copy
 * would be left behind. PostgreSQL credentials come from the URL or {@code INCIDENT_DB_USER} /
 * {@code INCIDENT_DB_PASSWORD}; progress (one line per table) goes to standard error, never a password.
 */
final class MigrateDb {
    private MigrateDb() {
    }

    static void run(List<String> args, Map<String, String> env, PrintStream err) throws CliException {
        if (args.size() != 2) {
            throw new CliException("needs two databases: migrate-db <from> <to> (SQLite file or jdbc:postgresql://...)");
        }
        DatabaseSettings from = settings(args.get(0), env);
        DatabaseSettings to = settings(args.get(1), env);
        if (from.location().equals(to.location())) {
            throw new CliException("<from> and <to> are the same database");
        }
        if (!from.postgres() && !Files.isRegularFile(Path.of(from.location()))) {
            throw new CliException("there is no SQLite database at " + from.location());
        }
        // Copying a large table may take longer than a request's statement limit: the background limit applies.
        io.incidentbot.storage.jdbi.DatabaseTimeouts timeouts = Cli.batchTimeouts(env);
        try (JdbiStorage source = Database.open(from, timeouts); JdbiStorage target = Database.open(to, timeouts)) {
            Map<String, Integer> copied = TableCopy.copy(source, target, line -> err.println("migrate-db: " + line));
            err.println("migrate-db: copied " + copied.values().stream().mapToInt(Integer::intValue).sum()
                    + " rows in " + copied.size() + " tables from " + from.redacted() + " to " + to.redacted());
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        } catch (SQLException e) {
            throw new CliException("copy failed, the target is unchanged: "
                    + DatabaseSettings.redact(String.valueOf(e.getMessage())));
        }
    }

    private static DatabaseSettings settings(String location, Map<String, String> env) {
        boolean postgres = location.startsWith("jdbc:postgresql:");
        return new DatabaseSettings(location, postgres ? blankToNull(env.get("INCIDENT_DB_USER")) : null,
                postgres ? blankToNull(env.get("INCIDENT_DB_PASSWORD")) : null, Duration.ofSeconds(30));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
