package io.incidentbot.store;

/** Runs work in one database transaction: all of it is committed, or none of it. */
public interface Storage extends AutoCloseable {

    /** Work done with transaction-bound repositories. */
    @FunctionalInterface
    interface Work<T> {
        T run(Repositories repositories);
    }

    /**
     * Runs {@code work} in a transaction and commits it before returning. On PostgreSQL the
     * transaction is serializable and is run again when the database aborts it for a conflict with
     * another replica's transaction, so {@code work} may run more than once: it must change nothing
     * but the repositories (collect results in its return value, do Slack calls after the commit).
     *
     * @return what the work returned
     * @throws RuntimeException whatever the work threw, after rolling back
     */
    <T> T transaction(Work<T> work);

    /**
     * Runs read-only {@code work} in a transaction that sees one consistent snapshot and does not
     * queue behind writers (on SQLite: a deferred transaction without the write lock). Work that
     * writes here is a bug; implementations may reject it.
     *
     * @return what the work returned
     * @throws RuntimeException whatever the work threw
     */
    default <T> T read(Work<T> work) {
        return transaction(work);
    }

    /**
     * {@link #transaction} for background work whose statements may run long on purpose (retention's
     * batches): on PostgreSQL its statements are limited by {@code INCIDENT_DB_BACKGROUND_TIMEOUT} instead of
     * the serving pool's short per-request bounds ({@code INCIDENT_DB_TIMEOUT}); lock waits stay short.
     *
     * @return what the work returned
     * @throws RuntimeException whatever the work threw, after rolling back
     */
    default <T> T background(Work<T> work) {
        return transaction(work);
    }

    /** Runs {@code work} in a transaction, for work with no result. */
    default void run(java.util.function.Consumer<Repositories> work) {
        transaction(r -> {
            work.accept(r);
            return null;
        });
    }

    /**
     * Whether the database can be trusted right now, for {@code /healthz}: cheap (no query).
     *
     * @return why not (e.g. the database file was deleted or replaced, writes fail), or empty when fine
     */
    default java.util.Optional<String> problem() {
        return java.util.Optional.empty();
    }

    /**
     * How many small independent writes (recording Events API events) are worth committing together in
     * one transaction ({@link GroupCommit}); 1 when they should each have their own.
     *
     * @return at least 1
     */
    default int groupCommitLimit() {
        return 1;
    }

    /** Closes the connection pool. */
    @Override
    void close();
}
