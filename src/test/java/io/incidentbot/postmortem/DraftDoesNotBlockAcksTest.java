package io.incidentbot.postmortem;

import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.storage.jdbi.JdbiStorage;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.Storage;
import io.incidentbot.store.TimelineRepository;
import io.incidentbot.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 (reliability): drafting a long postmortem held every ack for up to 1.1 s because the draft
 * was read in a write transaction. While a draft is half-way through its timeline, an event is recorded
 * (the write an ack waits for) at once.
 */
class DraftDoesNotBlockAcksTest {
    @TempDir
    Path dir;

    @Test
    void anEventIsRecordedWhileADraftIsBeingRead() throws Exception {
        try (JdbiStorage real = Database.open(dir.resolve("incidents.db").toString())) {
            real.run(SampleIncident::store);
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            Storage pausing = new PausingInTimeline(real, reading, written);
            PostmortemService drafts = new PostmortemService(pausing, id -> Optional.empty(),
                    Clock.fixed(Instant.parse("2026-03-16T09:00:00Z"), ZoneOffset.UTC), ZoneId.of("UTC"));

            CompletableFuture<String> draft = CompletableFuture.supplyAsync(() -> {
                StringWriter out = new StringWriter();
                try {
                    drafts.render(SampleIncident.NUMBER, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return out.toString();
            });
            assertThat(reading.await(20, TimeUnit.SECONDS)).as("draft reached its timeline").isTrue();

            CompletableFuture<Boolean> ack = CompletableFuture.supplyAsync(
                    () -> real.transaction(r -> r.events().markProcessed("Ev0ACKED01", Instant.now())));
            try {
                assertThat(ack.get(5, TimeUnit.SECONDS)).as("event recorded while the draft is read").isTrue();
            } finally {
                written.countDown();
            }
            assertThat(draft.get(20, TimeUnit.SECONDS)).startsWith("# Incident");
        }
    }

    /** The real storage, whose timeline iteration stops at the first entry until the test says go on. */
    private record PausingInTimeline(Storage real, CountDownLatch reading, CountDownLatch written) implements Storage {
        @Override
        public <T> T transaction(Work<T> work) {
            return real.transaction(r -> work.run(pausing(r)));
        }

        @Override
        public <T> T read(Work<T> work) {
            return real.read(r -> work.run(pausing(r)));
        }

        @Override
        public void close() {
        }

        private Repositories pausing(Repositories r) {
            TimelineRepository timeline = (TimelineRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{TimelineRepository.class}, (proxy, method, args) -> {
                        if (method.getName().equals("forEach") && args.length == 2) {
                            @SuppressWarnings("unchecked")
                            Consumer<TimelineEntry> sink = (Consumer<TimelineEntry>) args[1];
                            args[1] = (Consumer<TimelineEntry>) e -> {
                                reading.countDown();
                                try {
                                    written.await(10, TimeUnit.SECONDS);
                                } catch (InterruptedException ie) {
                                    Thread.currentThread().interrupt();
                                }
                                sink.accept(e);
                            };
                        }
                        try {
                            return method.invoke(r.timeline(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            return (Repositories) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Repositories.class},
                    (proxy, method, args) -> method.getName().equals("timeline") ? timeline : method.invoke(r, args));
        }
    }
}
