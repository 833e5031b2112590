package io.incidentbot.ops;

import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SignedClient;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static io.incidentbot.testkit.SlackEvents.ts;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics}: Prometheus text that moves with what Slack sends and what the bot calls. */
class MetricsTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension(s -> s.override("conversations.setTopic",
            c -> SlackStandIn.json(Map.of("ok", false, "error", "missing_scope"))));
    final SlackStandIn slack = kit.slack();

    private Scrape scrape(RunningBot bot) {
        HttpResponse<String> r = bot.ops.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return new Scrape(r.body());
    }

    @Test
    void requestsEventsOutboxAndWebApiCallsMoveAfterASignedCommandAndEvent() {
        RunningBot bot = kit.bot();
        Scrape before = scrape(bot);

        IncidentChannel inc = IncidentChannel.declare(bot, "declare sev2 Checkout errors", "UALICE001");
        Map<String, Object> envelope = SlackEvents.envelope(SlackEvents.message(inc.id, "UBOB00001", ts(100), "5xx"));
        assertThat(bot.client.event(envelope, Map.of()).statusCode()).isEqualTo(200);
        assertThat(bot.client.event(envelope, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason",
                "http_timeout")).statusCode()).isEqualTo(200);
        assertThat(bot.client.post("{}", "application/json", SignedClient.now() - 3600, Map.of()).statusCode())
                .isEqualTo(401);
        SlackStandIn.await("topic given up", 10, () -> new Scrape(bot.ops.get("/metrics").body())
                .value("incidentbot_outbox_failed_total", "method", "conversations.setTopic", "error", "missing_scope") == 1);
        Scrape after = scrape(bot);

        assertThat(after.value("incidentbot_requests_total", "kind", "command", "outcome", "ok")
                - before.value("incidentbot_requests_total", "kind", "command", "outcome", "ok")).isEqualTo(1);
        assertThat(after.value("incidentbot_requests_total", "kind", "event", "outcome", "ok")
                - before.value("incidentbot_requests_total", "kind", "event", "outcome", "ok")).isEqualTo(2);
        assertThat(after.value("incidentbot_requests_total", "kind", "unknown", "outcome", "rejected"))
                .as("the request with a stale signature never reached Bolt").isEqualTo(1);
        assertThat(after.value("incidentbot_ack_seconds_count", "kind", "command")).isEqualTo(1);
        assertThat(after.value("incidentbot_ack_seconds_bucket", "kind", "event", "le", "+Inf")).isEqualTo(2);
        assertThat(after.value("incidentbot_events_stored_total")).isEqualTo(1);
        assertThat(after.value("incidentbot_events_duplicates_total")).isEqualTo(1);
        assertThat(after.value("incidentbot_slack_api_seconds_count", "method", "conversations.create", "outcome", "ok"))
                .isEqualTo(1);
        assertThat(after.value("incidentbot_slack_api_seconds_count", "method", "chat.postMessage", "outcome", "ok"))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.value("incidentbot_slack_api_seconds_count", "method", "conversations.setTopic",
                "outcome", "error")).as("no Slack error code on a latency histogram").isEqualTo(1);
        assertThat(after.value("incidentbot_slack_api_errors_total", "method", "conversations.setTopic",
                "error", "missing_scope")).isEqualTo(1);
        assertThat(after.value("incidentbot_incidents_declared_total", "severity", "sev2", "source", "slack")
                - before.value("incidentbot_incidents_declared_total", "severity", "sev2", "source", "slack")).isEqualTo(1);
        assertThat(after.value("incidentbot_requests_unauthorized_total", "kind", "unknown")).isEqualTo(1);
        assertThat(after.samples.keySet().stream().filter(k -> k.startsWith("incidentbot_ack_seconds_bucket{kind=\"event\"")))
                .as("at most %d buckets", Metrics.MAX_BUCKETS).hasSizeLessThanOrEqualTo(Metrics.MAX_BUCKETS);
        assertThat(after.value("incidentbot_build_info", "version", io.incidentbot.Version.current())).isEqualTo(1);
        assertThat(after.has("jvm_memory_used_bytes")).isTrue();
        assertThat(after.has("jvm_gc_pause_seconds_count") || after.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
        assertThat(after.has("jetty_threads_config_max")).isTrue();
        assertThat(after.value("jetty_connections_current_connections", "connector_name", "unnamed"))
                .as("this test's open connection").isGreaterThanOrEqualTo(1);
        assertThat(after.has("incidentbot_outbox_pending")).isTrue();
        SlackStandIn.await("open incident gauge", 15, () -> new Scrape(bot.ops.get("/metrics").body())
                .value("incidentbot_incidents_open", "severity", "sev2") == 1);
    }

    @Test
    void outboxJobsPendingRetriedAndFailedAreToldApartByWebApiMethodAndSlackError() {
        slack.override("chat.postMessage", c -> SlackStandIn.json(Map.of("ok", false, "error", "internal_error")));
        RunningBot bot = kit.bot();

        bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");

        // The header and the announcement wait behind chat.postMessage, which keeps failing (retried);
        // conversations.setTopic is refused for good (missing_scope, failed).
        SlackStandIn.await("jobs waiting for chat.postMessage", 15, () -> {
            Scrape s = new Scrape(bot.ops.get("/metrics").body());
            return s.value("incidentbot_outbox_pending", "method", "chat.postMessage", "subscriber", "slack") >= 2
                    && s.value("incidentbot_outbox_retried_total", "method", "chat.postMessage", "error", "internal_error") >= 1
                    && s.value("incidentbot_outbox_failed_total", "method", "conversations.setTopic", "error", "missing_scope") == 1;
        });
        Scrape s = scrape(bot);
        assertThat(s.samples.keySet().stream().filter(k -> k.startsWith("incidentbot_outbox_pending")))
                .as("one gauge per Slack method a job calls first, one per other subscriber, none without a method")
                .containsExactlyInAnyOrder(java.util.stream.Stream.concat(java.util.stream.Stream.of("chat.getPermalink",
                        "chat.postMessage", "chat.update", "conversations.create", "conversations.invite", "conversations.setTopic",
                        "filesUploadV2", "response_url").map(m -> "incidentbot_outbox_pending{method=\"" + m + "\",subscriber=\"slack\"}"),
                        java.util.stream.Stream.of("statuspage", "trackers", "follow-up-reminders").map(other -> "incidentbot_outbox_pending{method=\"" + other
                                + "\",subscriber=\"" + other + "\"}")).toArray(String[]::new));
        assertThat(s.value("incidentbot_outbox_retried_total", "method", "conversations.create", "error", "internal_error"))
                .as("the channel was created at once").isZero();
    }

    @Test
    void aResponseUrlFailureIsTaggedLikeAWebApiMethod() {
        assertThat(Metrics.methodAndError("response_url: HTTP 503")).containsExactly("response_url", "http_503");
        assertThat(Metrics.methodAndError("chat.postMessage: internal_error")).containsExactly("chat.postMessage", "internal_error");
    }

    @Test
    void thePublicReadyzListsNoFailedJobsTheOperatorsPortDoes() throws Exception {
        RunningBot bot = kit.bot();
        bot.client.command("declare sev2 private Payroll export wrong", "UALICE001", "CGENERAL1");
        SlackStandIn.await("topic given up", 10, () -> new Scrape(bot.ops.get("/metrics").body())
                .value("incidentbot_outbox_failed_total", "method", "conversations.setTopic", "error", "missing_scope") == 1);

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode pub = json.readTree(bot.client.get("/readyz").body());
        com.fasterxml.jackson.databind.JsonNode healthz = json.readTree(bot.client.get("/healthz").body());
        com.fasterxml.jackson.databind.JsonNode ops = json.readTree(bot.ops.get("/readyz").body());
        assertThat(pub.has("outboxFailed")).isFalse();
        assertThat(healthz.has("outboxFailed")).isFalse();
        assertThat(pub.path("status").asText()).isEqualTo(ops.path("status").asText());
        assertThat(ops.path("outboxFailed").get(0).path("incident").asLong()).isEqualTo(1);
        assertThat(ops.path("outboxFailed").get(0).path("kind").asText()).isNotEmpty();
        com.fasterxml.jackson.databind.JsonNode live = json.readTree(bot.client.get("/livez").body());
        assertThat(live.path("status").asText()).as("the same words as /readyz").isEqualTo("ok");
        java.util.Set<String> liveFields = new java.util.TreeSet<>();
        live.fieldNames().forEachRemaining(liveFields::add);
        java.util.Set<String> readyFields = new java.util.TreeSet<>();
        pub.fieldNames().forEachRemaining(readyFields::add);
        assertThat(readyFields).as("the same shape: /livez's fields are /readyz's").containsAll(liveFields);
        assertThat(json.readTree(bot.ops.get("/livez").body())).isEqualTo(live);
    }

    @Test
    void countersTheAlertRulesWatchExistAtZeroFromTheStart() {
        Scrape s = scrape(kit.bot());

        assertThat(s.samples).containsEntry("incidentbot_outbox_failed_total{error=\"none\",method=\"none\"}", 0.0)
                .containsEntry("incidentbot_outbox_retried_total{error=\"none\",method=\"none\"}", 0.0)
                .containsEntry("incidentbot_reminders_sent_total", 0.0)
                .containsEntry("incidentbot_incidents_declared_total{severity=\"sev1\",source=\"alert\"}", 0.0)
                .containsEntry("incidentbot_requests_unauthorized_total{kind=\"hook\"}", 0.0)
                .containsEntry("incidentbot_ready", 1.0);
        assertThat(s.has("process_cpu_seconds_total")).as("CPU time in seconds").isTrue();
        assertThat(s.has("process_cpu_time_ns_total")).isFalse();
    }

    @Test
    void metricsLeaveThePublicPortForTheirOwnLoopbackPortByDefault() throws Exception {
        Map<String, String> env = kit.env();
        env.remove("METRICS_PORT");
        assertThat(io.incidentbot.config.Config.fromEnv(env).ops().metricsPort()).isEqualTo(9090);
        assertThat(io.incidentbot.config.Config.fromEnv(env).ops().metricsBind()).isEqualTo("127.0.0.1");
        RunningBot bot = kit.bot();

        assertThat(bot.client.get("/metrics").statusCode()).as("not on the public port").isEqualTo(404);
        HttpResponse<String> r = bot.ops.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new Scrape(r.body()).has("incidentbot_build_info")).isTrue();
        assertThat(r.headers().firstValue("Server")).as("the metrics port names no server either").isEmpty();
        assertThat(bot.ops.post("{}", "application/json", SignedClient.now(), Map.of()).statusCode()).isEqualTo(404);
        {
            java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst().orElse(null);
            org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no non-loopback address to try");
            assertThat(connects(other, bot.bot.metricsPort())).as("metrics bound to loopback only").isFalse();
            assertThat(connects(other, bot.bot.port())).as("the public port on every interface").isTrue();
        }
    }

    private static boolean connects(java.net.InetAddress host, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
