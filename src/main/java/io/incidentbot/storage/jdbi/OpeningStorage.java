package io.incidentbot.storage.jdbi;

import io.incidentbot.store.Storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A {@link Storage} whose database is opened and migrated in the background, so the rest of the
 * bot (Slack SDK, Bolt, Jetty) is built meanwhile instead of after it: start-up takes the longer of
 * the two rather than their sum. Every call waits until the database is ready.
 */
public final class OpeningStorage implements Storage {
    private final CompletableFuture<JdbiStorage> opening;
    private final boolean postgres;

    /** Starts opening {@code path} with {@link Database#open} on a new thread. */
    public OpeningStorage(String path) {
        this(io.incidentbot.config.DatabaseSettings.of(path));
    }

    /** Starts opening the database of {@code settings} with {@link Database#open} on a new thread. */
    public OpeningStorage(io.incidentbot.config.DatabaseSettings settings) {
        this(settings, DatabaseTimeouts.DEFAULT);
    }

    /** As {@link #OpeningStorage(io.incidentbot.config.DatabaseSettings)}, PostgreSQL waiting at most {@code timeouts}. */
    public OpeningStorage(io.incidentbot.config.DatabaseSettings settings, DatabaseTimeouts timeouts) {
        postgres = settings.postgres();
        opening = CompletableFuture.supplyAsync(() -> Database.open(settings, timeouts), r -> {
            Thread t = new Thread(r, "database-open");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Waits until the database is open and migrated.
     *
     * @return this
     * @throws RuntimeException what opening or migrating threw (e.g. {@link IllegalArgumentException}
     *                          for a bad path, a Flyway exception for a failed migration)
     */
    public OpeningStorage ready() {
        ready0();
        return this;
    }

    private JdbiStorage ready0() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public <T> T transaction(Work<T> work) {
        return ready0().transaction(work);
    }

    /** @return the opened storage's limit, known before it is open (services ask while it opens) */
    @Override
    public int groupCommitLimit() {
        return JdbiStorage.groupCommitLimit(postgres);
    }

    @Override
    public <T> T read(Work<T> work) {
        return ready0().read(work);
    }

    @Override
    public <T> T background(Work<T> work) {
        return ready0().background(work);
    }

    /** @return the opened database's problem; "database not open yet" or the opening error before/instead */
    @Override
    public java.util.Optional<String> problem() {
        if (!opening.isDone()) {
            return java.util.Optional.of("database not open yet");
        }
        try {
            return ready0().problem();
        } catch (RuntimeException e) {
            return java.util.Optional.of("database could not be opened: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            ready0().close();
        } catch (RuntimeException openingFailed) {
            // nothing was opened
        }
    }
}
