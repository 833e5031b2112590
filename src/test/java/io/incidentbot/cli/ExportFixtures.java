package io.incidentbot.cli;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Copies, zips and breaks Slack exports for import tests; counts stored incidents. */
final class ExportFixtures {
    private ExportFixtures() {
    }

    /** @return the number of incidents in the database named by {@code INCIDENT_DB} */
    static int incidents(Map<String, String> env) {
        try (JdbiStorage storage = Database.open(env.get("INCIDENT_DB"))) {
            return storage.transaction(r -> r.incidents().listAll()).size();
        }
    }

    /** Copies the export folder {@code from} to {@code to}. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /** Zips the export folder {@code from} into {@code zip}, its files under {@code prefix} ("" for the root). */
    static Path zip(Path from, Path zip, String prefix) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(prefix + from.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return zip;
    }

    /** Writes {@code json} to {@code file} under {@code export}, creating folders. */
    static void write(Path export, String file, String json) {
        try {
            Path p = export.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a minimal export with channels {@code general} and {@code inc-7-db} (one message, one reply). */
    static Path minimal(Path export) {
        write(export, "channels.json", """
                [{"id": "C1", "name": "general", "creator": "U1"},
                 {"id": "C7", "name": "inc-7-db", "creator": "U1", "topic": {"value": ""}, "purpose": {"value": ""}}]""");
        write(export, "users.json", """
                [{"id": "U1", "name": "ann", "real_name": "Ann Lee", "profile": {"display_name": ""}}]""");
        write(export, "inc-7-db/2026-05-01.json", """
                [{"type": "message", "user": "U1", "text": "db down", "ts": "1777600000.000100"}]""");
        write(export, "inc-7-db/2026-05-02.json", """
                [{"type": "message", "user": "U1", "text": "fixed", "ts": "1777690000.000100",
                  "thread_ts": "1777600000.000100"}]""");
        return export;
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
