package io.incidentbot.hooks;

import io.incidentbot.Bot;
import io.incidentbot.BotRuntime;
import io.incidentbot.config.Config;
import io.incidentbot.outbox.TestClock;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackStandIn;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole bot on a settable clock, with the webhooks configured, and a plain {@code java.net.http}
 * client that sends webhooks the way Alertmanager, Grafana and GitHub do.
 */
final class HookBot implements AutoCloseable {
    static final String TOKEN = "hook-token-0123456789abcdef";
    static final String GITHUB_SECRET = "github-secret-for-tests";
    static final String ALERTS_CHANNEL = "CALERTS001";

    final TestClock clock;
    final Bot bot;
    final SignedClient slack;
    private final HttpClient http = HttpClient.newHttpClient();

    HookBot(SlackStandIn standIn, Path database, Map<String, String> extraEnv) throws Exception {
        this(standIn, database, extraEnv, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** @param start the bot's clock at start (slash commands are then signed with its time) */
    HookBot(SlackStandIn standIn, Path database, Map<String, String> extraEnv, Instant start) throws Exception {
        this.clock = new TestClock(start);
        Map<String, String> env = RunningBot.env(standIn, database);
        env.put("INCIDENT_WEBHOOK_TOKEN", TOKEN);
        env.put("GITHUB_WEBHOOK_SECRET", GITHUB_SECRET);
        env.putAll(extraEnv);
        env.values().removeIf(v -> v == null || v.isEmpty());
        this.bot = new Bot(Config.fromEnv(env), BotRuntime.withSweeps(clock, RunningBot.FAST, Duration.ofHours(1),
                BotRuntime.SWEEP_INTERVAL)).start();
        this.slack = new SignedClient(bot.port(), standIn.url("/response/"));
    }

    /** Sends {@code /incident <text>} signed with the bot clock's time; @return the ephemeral reply */
    String command(String text, String userId, String channelId) {
        return SignedClient.text(slack.post(SignedClient.form(slack.commandFields(text, userId, channelId)),
                "application/x-www-form-urlencoded", clock.instant().getEpochSecond(), Map.of()));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + bot.port() + path);
    }

    /** POSTs {@code body} to {@code path} with the bearer token. */
    HttpResponse<String> post(String path, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POSTs {@code body} to {@code path} with the bearer token, retrying while the bot answers 503 (as Alertmanager does). */
    HttpResponse<String> postUntilStored(String path, byte[] body) {
        HttpResponse<String>[] last = new HttpResponse[1];
        SlackStandIn.await("a stored " + path, 10, () -> (last[0] = post(path, body)).statusCode() != 503);
        return last[0];
    }

    /** POSTs a GitHub delivery signed with {@code secret}. */
    HttpResponse<String> github(String event, String delivery, byte[] body, String secret) {
        return send(HttpRequest.newBuilder(uri("/hooks/github")).header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", GitHubSignature.sign(body, secret.getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** POSTs a body of unknown length (chunked transfer encoding). */
    HttpResponse<String> postChunked(String path, Supplier<InputStream> body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    @Override
    public void close() {
        bot.close();
    }
}
