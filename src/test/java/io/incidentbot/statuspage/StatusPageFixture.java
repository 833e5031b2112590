package io.incidentbot.statuspage;

import io.incidentbot.incident.Severity;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.storage.jdbi.Database;
import io.incidentbot.store.Storage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A status page served from a real SQLite database on a free port ({@link StatusPageServer}), with a settable clock
 * and the use cases to fill it. Close it after the test.
 */
final class StatusPageFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    final TestClock clock = new TestClock(T0);
    final Storage storage;
    final StatusPageService service;
    final StatusPageReader reader;
    final StatusPageServer server;
    final HttpClient http = HttpClient.newHttpClient();

    StatusPageFixture(Path dir) throws Exception {
        storage = Database.open(dir.resolve("incidents.db").toString());
        service = new StatusPageService(storage, clock);
        reader = new StatusPageReader(storage, clock, ZoneOffset.UTC, "Acme Status");
        server = new StatusPageServer(0, new StatusPageHttp(reader, null));
        server.start();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Declares an incident with an internal title; returns its number. */
    long declare(String internalTitle, boolean privateIncident) {
        return storage.transaction(r -> r.incidents().create(internalTitle, Severity.SEV2, privateIncident, null, "U_LEAD",
                clock.instant())).number();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        storage.close();
    }
}
