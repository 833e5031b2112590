package io.incidentbot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: the work of callers that arrive while a transaction is being committed is run together
 * in the next transaction, and each caller returns only once the transaction holding its work has
 * committed. So under load a burst of N small writes costs one {@code BEGIN}/{@code COMMIT}, one
 * connection checkout and one write-lock hand-off instead of N, and every caller still gets its own
 * result only after its write is durable (nothing is acknowledged before it is committed).
 *
 * <p>No thread of its own: the first caller to find no commit under way becomes the committer for
 * everything queued at that moment (itself included), the others wait; when it is done one of the
 * waiters whose work is still queued takes the next batch. A lone caller therefore pays nothing but an
 * uncontended lock.
 *
 * <p><b>Failures stay with their work.</b> When one caller's work throws, the batch is rolled back and run
 * again without it, and the failing work is run alone, so it gets the exception it would have got by
 * itself and the others are not refused because of it. When the transaction itself fails (no
 * connection, commit refused), every caller of that batch gets that exception, as each would have
 * alone; nothing of the batch was committed.
 *
 * <p>Work must follow {@link Storage#transaction}'s rule (change nothing but the repositories), since it
 * may run more than once, and must not depend on running in a transaction of its own.
 */
public final class GroupCommit {
    private final Storage storage;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Pending<?>> queue = new ArrayList<>();
    private boolean committing;

    /**
     * @param storage  the database whose transactions are grouped
     * @param maxBatch most pieces of work in one transaction (at least 1), bounding how long one commit
     *                 holds the database
     */
    public GroupCommit(Storage storage, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.storage = storage;
        this.maxBatch = maxBatch;
    }

    /**
     * Runs {@code work} in a transaction shared with the work of concurrent callers and returns after that
     * transaction has committed.
     *
     * @return what the work returned
     * @throws RuntimeException what the work threw (run alone), or what the shared transaction threw; in
     *                          both cases nothing of this work was committed
     */
    public <T> T transaction(Storage.Work<T> work) {
        lock.lock();
        Pending<T> mine = new Pending<>(work, lock.newCondition());
        try {
            queue.add(mine);
            while (!mine.done) {
                if (committing) {
                    mine.wake.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                List<Pending<?>> batch = take();
                lock.unlock();
                try {
                    commit(batch);
                } finally {
                    lock.lock();
                    committing = false;
                    // Wake only whom it concerns: the callers of this batch, and the next committer.
                    batch.forEach(p -> p.wake.signal());
                    if (!queue.isEmpty()) {
                        queue.get(0).wake.signal();
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** @return how many callers' work waits for the next transaction (not counting a commit under way) */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private List<Pending<?>> take() {
        int n = Math.min(maxBatch, queue.size());
        List<Pending<?>> batch = new ArrayList<>(queue.subList(0, n));
        queue.subList(0, n).clear();
        return batch;
    }

    private void commit(List<Pending<?>> batch) {
        List<Pending<?>> left = batch;
        while (!left.isEmpty()) {
            if (left.size() == 1) {
                alone(left.get(0));
                return;
            }
            List<Pending<?>> run = left;
            int[] failed = {-1};
            Object[] results;
            try {
                results = storage.transaction(r -> {
                    Object[] out = new Object[run.size()];
                    for (int i = 0; i < run.size(); i++) {
                        failed[0] = i;
                        out[i] = run.get(i).work.run(r);
                    }
                    failed[0] = -1;
                    return out;
                });
            } catch (RuntimeException e) {
                if (failed[0] < 0) {
                    run.forEach(p -> p.fail(e));
                    return;
                }
                alone(run.get(failed[0]));
                List<Pending<?>> rest = new ArrayList<>(run);
                rest.remove(failed[0]);
                left = rest;
                continue;
            }
            for (int i = 0; i < run.size(); i++) {
                run.get(i).succeed(results[i]);
            }
            return;
        }
    }

    private void alone(Pending<?> p) {
        try {
            p.succeed(storage.transaction(p.work));
        } catch (RuntimeException e) {
            p.fail(e);
        }
    }

    /** One caller's work and, once its transaction ended, its outcome. Guarded by {@link #lock}'s hand-off. */
    private static final class Pending<T> {
        final Storage.Work<T> work;
        /** Signalled when this work's transaction ended, or when it heads the queue and no commit is under way. */
        final Condition wake;
        private volatile boolean done;
        private Object result;
        private RuntimeException error;

        Pending(Storage.Work<T> work, Condition wake) {
            this.work = work;
            this.wake = wake;
        }

        void succeed(Object value) {
            result = value;
            done = true;
        }

        void fail(RuntimeException e) {
            error = e;
            done = true;
        }

        @SuppressWarnings("unchecked")
        T outcome() {
            if (error != null) {
                throw error;
            }
            return (T) result;
        }
    }
}
