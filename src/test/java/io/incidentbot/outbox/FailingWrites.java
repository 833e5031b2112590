package io.incidentbot.outbox;

import io.incidentbot.store.Storage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's SQLite storage with a switch that makes every write transaction fail the way SQLite does on
 * a full disk ({@code [SQLITE_FULL] database or disk is full}); reads keep working, as they do there.
 * It stands for the database, not for code under test.
 */
public final class FailingWrites implements Storage {
    private final Storage real;
    /** Write transactions attempted while failing. */
    public final AtomicInteger failedWrites = new AtomicInteger();
    /** True: every write transaction fails from now on. */
    public volatile boolean failing;

    /** @param real the storage that answers while not failing */
    public FailingWrites(Storage real) {
        this.real = real;
    }

    @Override
    public <T> T transaction(Work<T> work) {
        if (failing) {
            failedWrites.incrementAndGet();
            throw new IllegalStateException("[SQLITE_FULL] database or disk is full (simulated)");
        }
        return real.transaction(work);
    }

    @Override
    public <T> T read(Work<T> work) {
        return real.read(work);
    }

    @Override
    public void close() {
        real.close();
    }
}
