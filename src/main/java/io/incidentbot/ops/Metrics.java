package io.incidentbot.ops;

import io.incidentbot.Version;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.server.Server;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every metric the bot exports, in one place, on one Micrometer {@link PrometheusMeterRegistry} per
 * bot (scraped by {@code GET /metrics}, Prometheus text format 0.0.4). Code that counts something
 * calls a named method here rather than touching the registry, so names, tags and their bounded
 * values are decided once. The README's metrics table lists them all.
 *
 * <p>Who calls what: the HTTP front end and the Bolt middleware {@code slack/RequestContext} call
 * {@link #request}; {@code slack/events/TimelineEvents} calls {@link #eventStored} and
 * {@link #eventDuplicate}; {@link MeteredJobHandler} calls {@link #outboxRetried} and
 * {@link #outboxFailed}; {@code slack/SlackTraffic} calls {@link #slackCall}; {@link DatabaseGauges}
 * registers the gauges read from the database; {@code reminders/ReminderService} calls
 * {@link #reminderSent()} once per reminder sent; the webhook receivers call
 * {@link #hookNotification(String)} once per notification accepted.
 */
public final class Metrics {
    /** Tag value for requests whose kind was never learnt (refused before Bolt read them). */
    public static final String UNKNOWN = "unknown";
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*");
    /** The {@code method} tag of a POST to a slash command's {@code response_url} (not a Web API method). */
    private static final String RESPONSE_URL = "response_url";
    private static final Pattern SLACK_ERROR = Pattern.compile("[a-z][a-z0-9_]{0,60}");
    private static final Pattern HTTP = Pattern.compile("HTTP (\\d{3}).*");
    private static final Pattern EXCEPTION = Pattern.compile("([A-Z][A-Za-z0-9]*(Exception|Error)).*");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** A registry with the build info gauge and the JVM and process binders bound. */
    public Metrics() {
        Gauge.builder("incidentbot.build.info", () -> 1).tag("version", Version.current())
                .description("Always 1; the version tag is the running build's").register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** @return the registry, for binders and gauges (prefer a named method for counters) */
    public MeterRegistry registry() {
        return registry;
    }

    /** @return every metric in Prometheus text format 0.0.4 */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Binds Jetty's thread pool and connection statistics (Micrometer's {@code JettyServerThreadPoolMetrics}
     * and {@code JettyConnectionMetrics}) of a server not yet started.
     *
     * @param server the public HTTP server
     */
    public void bindJetty(Server server) {
        new JettyServerThreadPoolMetrics(server.getThreadPool(), List.of()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    /**
     * One request from Slack (or a webhook) answered.
     *
     * @param kind    {@code command}, {@code event}, {@code interaction}, {@code hook} or {@link #UNKNOWN}
     * @param status  the HTTP status answered (Socket Mode: 200, or 500 when the handler threw)
     * @param latency from receipt to the ack being written
     */
    public void request(String kind, int status, Duration latency) {
        // Once per request from Slack: the two meters of each (kind, outcome) are built once and kept.
        RequestMeters m = requestMeters.computeIfAbsent(kind + " " + outcome(status), k -> new RequestMeters(
                Counter.builder("incidentbot.requests").description("Requests from Slack and webhooks, by kind and outcome")
                        .tag("kind", kind).tag("outcome", outcome(status)).register(registry),
                Timer.builder("incidentbot.ack").description("Time from receiving a request to acknowledging it")
                        .tag("kind", kind).publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry)));
        m.requests().increment();
        m.ack().record(latency);
    }

    private record RequestMeters(Counter requests, Timer ack) {
    }

    private final java.util.Map<String, RequestMeters> requestMeters = new java.util.concurrent.ConcurrentHashMap<>();
    private final Counter eventsStored = Counter.builder("incidentbot.events.stored")
            .description("Events API events recorded on a timeline").register(registry);
    private final Counter eventsDuplicate = Counter.builder("incidentbot.events.duplicates")
            .description("Redelivered events dropped by event_id").register(registry);

    /** An Events API event changed a timeline (stored, or applied to a stored message). */
    public void eventStored() {
        eventsStored.increment();
    }

    /** A redelivered {@code event_id} was acknowledged and dropped. */
    public void eventDuplicate() {
        eventsDuplicate.increment();
    }

    /**
     * An outbox job attempt failed and will be tried again.
     *
     * @param error the outcome's error, {@code <method>: <slack error or failure>} as {@code slack/SlackCalls}
     *              writes it; reduced to a bounded method and error tag
     */
    public void outboxRetried(String error) {
        String[] t = methodAndError(error);
        Counter.builder("incidentbot.outbox.retried").description("Outbox attempts that failed and will be retried")
                .tag("method", t[0]).tag("error", t[1]).register(registry).increment();
    }

    /** An outbox job was given up; {@code error} as for {@link #outboxRetried}. */
    public void outboxFailed(String error) {
        String[] t = methodAndError(error);
        Counter.builder("incidentbot.outbox.failed").description("Outbox jobs given up for good")
                .tag("method", t[0]).tag("error", t[1]).register(registry).increment();
    }

    /**
     * One HTTP exchange with Slack's Web API.
     *
     * @param method  e.g. {@code chat.postMessage}; {@code other} for uploads and {@code response_url}s
     * @param outcome {@code ok}, Slack's error code, {@code http_<code>} or {@code network}
     * @param latency from sending the request to the answer (or the failure)
     */
    public void slackCall(String method, String outcome, Duration latency) {
        Timer.builder("incidentbot.slack.api").description("Web API calls by method and outcome")
                .tag("method", METHOD.matcher(method).matches() ? method : "other")
                .tag("outcome", outcome).publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(latency);
    }

    /** A reminder was sent: claimed and queued for posting in its incident channel (called by {@code reminders/ReminderService}). */
    public void reminderSent() {
        Counter.builder("incidentbot.reminders.sent").description("Reminders sent (queued for posting)").register(registry).increment();
    }

    /**
     * A webhook notification was accepted (for the webhook receivers: call once per notification).
     *
     * @param source e.g. {@code alertmanager}, {@code grafana}, {@code github}, {@code generic}
     */
    public void hookNotification(String source) {
        Counter.builder("incidentbot.hook.notifications").description("Webhook notifications received")
                .tag("source", SLACK_ERROR.matcher(source).matches() ? source : "other").register(registry).increment();
    }

    static String outcome(int status) {
        return status < 400 ? "ok" : status < 500 ? "rejected" : "error";
    }

    /** @return {method, error}, each from a small set: the method name and Slack's error code, or a class of failure */
    static String[] methodAndError(String error) {
        if (error == null) {
            return new String[] {"none", "none"};
        }
        int colon = error.indexOf(": ");
        String method = colon > 0 ? error.substring(0, colon) : "none";
        String rest = colon > 0 ? error.substring(colon + 2).strip() : error.strip();
        if (!RESPONSE_URL.equals(method)
                && (!METHOD.matcher(method).matches() || !method.contains(".") && !method.startsWith("files"))) {
            method = "none";
            rest = error.strip();
        }
        return new String[] {method, errorTag(rest)};
    }

    private static String errorTag(String rest) {
        Matcher http = HTTP.matcher(rest);
        if (http.matches()) {
            return "http_" + http.group(1);
        }
        Matcher ex = EXCEPTION.matcher(rest);
        if (ex.matches()) {
            return ex.group(1);
        }
        String first = rest.split("[\\s(]", 2)[0];
        return SLACK_ERROR.matcher(first).matches() ? first : "other";
    }
}
