package io.incidentbot.bench;

import io.incidentbot.testkit.SignedClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends signed requests to {@code POST /slack/events} the way Slack does, with the JDK's
 * {@link HttpClient} (HTTP/1.1, kept-alive connections), signed by the test kit's {@link SignedClient}
 * (the SDK's generator: {@code v0:timestamp:body}, HMAC-SHA256). Requests are built and signed before a run starts (the SDK's
 * generator costs about as much CPU as the rest of the client, CPU the server under test would lose on
 * a small machine) and re-signed at send time if their timestamp is more than {@link #RESIGN_AFTER_SECONDS}
 * old, so the bot's 5-minute freshness check always passes. Latency is measured from the moment a request was due (closed loop: when it was sent;
 * fixed rate: its slot in the schedule, so a stalled server cannot hide queueing delay) to the
 * moment the whole answer was read.
 */
final class LoadGenerator {
    /** Requests signed longer ago than this are signed again before they are sent. */
    static final long RESIGN_AFTER_SECONDS = 200;

    private final HttpClient http;
    private final SignedClient signed;
    /** One client per server when events are spread over several replicas (round robin), else just {@link #signed}. */
    private final List<SignedClient> replicas;
    private int next;

    /**
     * One run's outcome.
     *
     * @param sent        requests sent
     * @param latencies   ack latency of each request, nanoseconds (failed requests included, as measured)
     * @param statuses    HTTP status to count; -1 counts requests that got no answer
     * @param elapsedNanos from the first send to the last answer
     * @param firstError  the first failure seen, for the log (null when none)
     * @param maxLateNanos fixed rate only: how far behind its schedule the generator fell at worst
     * @param fromSend     fixed rate only: latency from when each request was actually sent (the
     *                     generator's own lateness left out), else null
     */
    record Result(int sent, long[] latencies, Map<Integer, Integer> statuses, long elapsedNanos, String firstError,
                  long maxLateNanos, long[] fromSend) {
        int ok() {
            return statuses.getOrDefault(200, 0);
        }

        double throughput() {
            return sent / (elapsedNanos / 1e9);
        }

        Latencies stats() {
            return Latencies.of(latencies);
        }
    }

    /**
     * @param port          the server's HTTP port
     * @param signingSecret its signing secret
     * @param responseBase  base of the {@code response_url}s of commands (a stand-in URL ending in {@code /})
     */
    LoadGenerator(int port, String signingSecret, String responseBase) {
        this(List.of(port), signingSecret, responseBase);
    }

    /**
     * @param ports the HTTP ports of the replicas, which get the events in turn (commands go to the first)
     */
    LoadGenerator(List<Integer> ports, String signingSecret, String responseBase) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                // Completion callbacks only record a number and release a permit: run them on the
                // client's selector thread rather than hopping to a pool (less CPU taken from the server).
                .executor(Runnable::run)
                .build();
        this.replicas = ports.stream().map(p -> new SignedClient(p, responseBase, signingSecret)).toList();
        this.signed = replicas.get(0);
    }

    /** A request ready to send, and the body it was signed over. */
    private record Signed(HttpRequest request, String body, long signedAt) {
        HttpRequest fresh(LoadGenerator g) {
            return System.currentTimeMillis() / 1000 - signedAt > RESIGN_AFTER_SECONDS
                    ? g.request(body, "application/json") : request;
        }
    }

    private List<Signed> sign(List<String> bodies) {
        long now = System.currentTimeMillis() / 1000;
        return bodies.stream().map(b -> new Signed(request(b, "application/json"), b, now)).toList();
    }

    private HttpRequest request(String body, String contentType) {
        SignedClient to = contentType.equals("application/json") ? replicas.get(next++ % replicas.size()) : signed;
        return to.request(body, contentType, System.currentTimeMillis() / 1000,
                Map.of("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)"));
    }

    /**
     * Sends every body as fast as {@code inFlight} concurrent requests allow.
     *
     * @param bodies Events API JSON bodies
     */
    Result closedLoop(List<String> bodies, int inFlight) throws InterruptedException {
        int n = bodies.size();
        List<Signed> signed = sign(bodies);
        long[] latencies = new long[n];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        Semaphore permits = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            permits.acquire();
            int index = i;
            HttpRequest req = signed.get(i).fresh(this);
            long t0 = System.nanoTime();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                latencies[index] = System.nanoTime() - t0;
                record(statuses, firstError, r, e);
                permits.release();
                done.countDown();
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still unanswered after 10 minutes");
        }
        return new Result(n, latencies, snapshot(statuses), System.nanoTime() - start, firstError.get(), 0, null);
    }

    /**
     * Sends the bodies at a fixed rate, whatever the answers do (open loop), with at most
     * {@code maxInFlight} unanswered requests (beyond that a request is counted as failed, status -2).
     */
    Result fixedRate(List<String> bodies, double perSecond, int maxInFlight) throws InterruptedException {
        int n = bodies.size();
        List<Signed> signed = sign(bodies);
        long[] latencies = new long[n];
        long[] fromSend = new long[n];
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long period = (long) (1e9 / perSecond);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long maxLate = 0;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long now;
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
            }
            maxLate = Math.max(maxLate, now - due);
            if (inFlight.get() >= maxInFlight) {
                latencies[i] = now - due;
                fromSend[i] = 0;
                statuses.computeIfAbsent(-2, k -> new AtomicInteger()).incrementAndGet();
                firstError.compareAndSet(null, "more than " + maxInFlight + " requests unanswered");
                done.countDown();
                continue;
            }
            inFlight.incrementAndGet();
            int index = i;
            HttpRequest req = signed.get(i).fresh(this);
            long sentAt = System.nanoTime();
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> {
                        long end = System.nanoTime();
                        latencies[index] = end - due;
                        fromSend[index] = end - sentAt;
                        record(statuses, firstError, r, e);
                        inFlight.decrementAndGet();
                        done.countDown();
                    });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still unanswered after 10 minutes");
        }
        return new Result(n, latencies, snapshot(statuses), System.nanoTime() - start, firstError.get(), maxLate,
                fromSend);
    }

    /**
     * Sends a slash command ({@code /incident <text>}) and waits for the answer.
     *
     * @return the answer
     */
    HttpResponse<String> command(String text, String user, String channel)
            throws IOException, InterruptedException {
        String body = SignedClient.form(signed.commandFields(text, user, channel));
        return http.send(request(body, "application/x-www-form-urlencoded"), HttpResponse.BodyHandlers.ofString());
    }

    private static void record(Map<Integer, AtomicInteger> statuses, AtomicReference<String> firstError,
                               HttpResponse<String> r, Throwable e) {
        int status = e != null ? -1 : r.statusCode();
        statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
        if (status != 200) {
            firstError.compareAndSet(null, e != null ? e.toString()
                    : "HTTP " + status + ": " + abbreviate(r.body()));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static Map<Integer, Integer> snapshot(Map<Integer, AtomicInteger> m) {
        Map<Integer, Integer> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
