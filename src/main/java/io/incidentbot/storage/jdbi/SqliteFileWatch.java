package io.incidentbot.storage.jdbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches a SQLite database file for what SQLite itself cannot tell a running bot: the file deleted or
 * replaced under it (its identity, the file key, changed since it was opened; SQLite would keep writing
 * to the unlinked inode and every acknowledged request would be lost), and writes that fail in SQLite
 * (full disk, read-only file, I/O error), remembered until a write succeeds. {@link JdbiStorage} refuses
 * writes while the file is moved and reports both through {@code Storage.problem()} (health: 503).
 * With no file (PostgreSQL) it watches nothing.
 */
final class SqliteFileWatch {
    private final Path file;
    private final Object fileKey;
    private volatile String writeFailure;

    /** @param file the SQLite file, or null to watch nothing */
    SqliteFileWatch(Path file) {
        this.file = file;
        this.fileKey = file == null ? null : fileKey(file);
    }

    /** @throws DatabaseUnavailableException when the file was deleted or replaced since it was opened */
    void refuseIfMoved() {
        Optional<String> moved = fileChanged();
        if (moved.isPresent()) {
            throw new DatabaseUnavailableException(moved.get());
        }
    }

    void writeSucceeded() {
        writeFailure = null;
    }

    void writeFailed(RuntimeException e) {
        if (file != null && isDatabaseFailure(e)) {
            writeFailure = "database writes fail: " + rootMessage(e);
        }
    }

    /** @return the moved file or the last failed write, one line; empty when fine */
    Optional<String> problem() {
        Optional<String> moved = fileChanged();
        return moved.isPresent() ? moved : Optional.ofNullable(writeFailure);
    }

    private Optional<String> fileChanged() {
        if (file == null) {
            return Optional.empty();
        }
        try {
            Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Objects.equals(now, fileKey) ? Optional.empty()
                    : Optional.of("database file " + file + " was replaced since it was opened");
        } catch (NoSuchFileException e) {
            return Optional.of("database file " + file + " was deleted since it was opened");
        } catch (IOException e) {
            return Optional.of("database file " + file + " cannot be checked: " + e.getMessage());
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return true when SQLite itself failed (full, read-only, I/O, cannot open), not the work's logic */
    static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException) {
                return false;
            }
            if (t instanceof org.sqlite.SQLiteException s) {
                String code = s.getResultCode().name();
                return code.startsWith("SQLITE_FULL") || code.startsWith("SQLITE_READONLY")
                        || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")
                        || code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
            }
        }
        return false;
    }

    /** @return the innermost cause's message */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
