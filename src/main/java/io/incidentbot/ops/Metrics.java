package io.incidentbot.ops;

import io.incidentbot.Version;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every metric the bot exports, in one place, on one Micrometer {@link PrometheusMeterRegistry} per
 * bot (scraped by {@code GET /metrics}, Prometheus text format 0.0.4). Code that counts something
 * calls a named method here rather than touching the registry, so names, tags and their bounded
 * values are decided once. The README's metrics table lists them all.
 *
 * <p>Who calls what: the HTTP front end and the Bolt middleware {@code slack/http/RequestContext} call
 * {@link #request}; {@code slack/events/TimelineEvents} calls {@link #eventStored} and
 * {@link #eventDuplicate}; {@link MeteredJobHandler} calls {@link #outboxRetried} and
 * {@link #outboxFailed}; {@code slack/web/SlackTraffic} calls {@link #slackCall}; {@link DatabaseGauges}
 * registers the gauges read from the database; {@code reminders/ReminderService} calls
 * {@link #reminderSent()} once per reminder sent; the webhook receivers call
 * {@link #hookNotification(String)} once per notification accepted; {@link AuditedDeclares} calls
 * {@link #incidentDeclared} once per declare.
 *
 * <p>Rules that keep the scrape small and the queries cheap (the monitoring kit under {@code deploy/grafana/}
 * and {@code deploy/prometheus/} relies on them, {@code MonitoringKitTest} checks it):
 * <ul>
 *   <li>every counter an alert rule watches exists at 0 from the start (a rule on {@code rate()} of a series
 *       that appears with its first increment misses that increment);</li>
 *   <li>histograms have at most {@value #MAX_BUCKETS} buckets ({@code +Inf} included), not Micrometer's ~70
 *       percentile buckets;</li>
 *   <li>a latency histogram's labels never carry an error code (each code would multiply its buckets):
 *       Slack's error codes go to the {@code incidentbot_slack_api_errors_total} counter;</li>
 *   <li>the process CPU time is {@code process_cpu_seconds_total}, in seconds, as Prometheus' own clients
 *       name it (Micrometer's {@code process_cpu_time_ns_total} is dropped).</li>
 * </ul>
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

    /** The most buckets a histogram has, {@code +Inf} included. */
    public static final int MAX_BUCKETS = 12;
    /** Request acknowledgement buckets (11, plus {@code +Inf}): Slack gives an ack 3 s. */
    private static final Duration[] ACK_BUCKETS = millis(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 3000, 10000);
    /** Web API call buckets (10, plus {@code +Inf}). */
    private static final Duration[] SLACK_BUCKETS = millis(25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000);
    /** The {@code source} of {@link #incidentDeclared}: a person in Slack, or the bot from an alert. */
    public static final List<String> DECLARE_SOURCES = List.of("slack", "alert");
    private static final List<String> SEVERITIES = List.of("sev1", "sev2", "sev3", "sev4");

    private final PrometheusMeterRegistry registry = newRegistry();

    private static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        r.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
        return r;
    }

    /**
     * A registry with the build info gauge, the JVM and process binders bound, and every counter an alert
     * rule watches registered at 0.
     */
    public Metrics() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu", os, o -> o.getProcessCpuTime() / 1e9).baseUnit("seconds")
                    .description("CPU time used by the process").register(registry);
        }
        Gauge.builder("incidentbot.build.info", () -> 1).tag("version", Version.current())
                .description("Always 1; the version tag is the running build's").register(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        // At 0 from the start, for the alert rules (deploy/prometheus/rules.yml):
        outboxCounter("incidentbot.outbox.retried", "Outbox attempts that failed and will be retried", "none", "none");
        outboxCounter("incidentbot.outbox.failed", "Outbox jobs given up for good", "none", "none");
        slackErrors("none", "none");
        for (String source : List.of("alertmanager", "grafana", "alerts", "changes", "github")) {
            hookCounter(source);
        }
        for (String kind : List.of("hook", UNKNOWN)) {
            unauthorized(kind);
        }
        for (String severity : SEVERITIES) {
            for (String source : DECLARE_SOURCES) {
                declared(severity, source);
            }
        }
    }

    private static Duration[] millis(long... ms) {
        Duration[] d = new Duration[ms.length];
        for (int i = 0; i < ms.length; i++) {
            d[i] = Duration.ofMillis(ms[i]);
        }
        return d;
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
                        .tag("kind", kind).serviceLevelObjectives(ACK_BUCKETS).register(registry)));
        m.requests().increment();
        m.ack().record(latency);
        if (status == 401) {
            unauthorized(kind).increment();
        }
    }

    private Counter unauthorized(String kind) {
        return Counter.builder("incidentbot.requests.unauthorized")
                .description("Requests refused 401 (bad or missing signature or token), by kind").tag("kind", kind)
                .register(registry);
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
     * @param error the outcome's error, {@code <method>: <slack error or failure>} as {@code slack/web/SlackCalls}
     *              writes it; reduced to a bounded method and error tag
     */
    public void outboxRetried(String error) {
        String[] t = methodAndError(error);
        outboxCounter("incidentbot.outbox.retried", "Outbox attempts that failed and will be retried", t[0], t[1]).increment();
    }

    private Counter outboxCounter(String name, String description, String method, String error) {
        return Counter.builder(name).description(description).tag("method", method).tag("error", error).register(registry);
    }

    /** An outbox job was given up; {@code error} as for {@link #outboxRetried}. */
    public void outboxFailed(String error) {
        String[] t = methodAndError(error);
        outboxCounter("incidentbot.outbox.failed", "Outbox jobs given up for good", t[0], t[1]).increment();
    }

    /**
     * One HTTP exchange with Slack's Web API: its latency on {@code incidentbot_slack_api_seconds{method,outcome}}
     * with {@code outcome} {@code ok} or {@code error} only, and each failure once more on
     * {@code incidentbot_slack_api_errors_total{method,error}} with Slack's error code.
     *
     * @param method  e.g. {@code chat.postMessage}; {@code other} for uploads and {@code response_url}s
     * @param outcome {@code ok}, Slack's error code, {@code ratelimited}, {@code http_<code>} or {@code network}
     * @param latency from sending the request to the answer (or the failure)
     */
    public void slackCall(String method, String outcome, Duration latency) {
        String m = METHOD.matcher(method).matches() ? method : "other";
        boolean ok = "ok".equals(outcome);
        Timer.builder("incidentbot.slack.api").description("Web API calls by method and outcome (ok or error)")
                .tag("method", m).tag("outcome", ok ? "ok" : "error").serviceLevelObjectives(SLACK_BUCKETS)
                .register(registry).record(latency);
        if (!ok) {
            slackErrors(m, outcome != null && SLACK_ERROR.matcher(outcome).matches() ? outcome : "other").increment();
        }
    }

    private Counter slackErrors(String method, String error) {
        return Counter.builder("incidentbot.slack.api.errors")
                .description("Web API calls that failed, by method and Slack's error code (or http_<code>, network)")
                .tag("method", method).tag("error", error).register(registry);
    }

    /**
     * An incident was declared (counted where its declare is audited, {@link AuditedDeclares}).
     *
     * @param severity e.g. {@code SEV2}
     * @param source   one of {@link #DECLARE_SOURCES}
     */
    public void incidentDeclared(String severity, String source) {
        String sev = severity == null ? "" : severity.toLowerCase(java.util.Locale.ROOT);
        declared(SEVERITIES.contains(sev) ? sev : "other", DECLARE_SOURCES.contains(source) ? source : "other").increment();
    }

    private Counter declared(String severity, String source) {
        return Counter.builder("incidentbot.incidents.declared").description("Incidents declared, by severity and source")
                .tag("severity", severity).tag("source", source).register(registry);
    }

    /**
     * Registers {@code incidentbot_ready}: 1 when the bot is ready ({@code /readyz} would answer 200), else 0.
     *
     * @param ready asked at each scrape
     */
    public void readiness(BooleanSupplier ready) {
        Gauge.builder("incidentbot.ready", ready, r -> r.getAsBoolean() ? 1 : 0)
                .description("1 when the bot is ready (GET /readyz answers 200), else 0").strongReference(true)
                .register(registry);
    }

    private final Counter remindersSent = Counter.builder("incidentbot.reminders.sent")
            .description("Reminders sent (queued for posting)").register(registry);

    /** A reminder was sent: claimed and queued for posting in its incident channel (called by {@code reminders/ReminderService}). */
    public void reminderSent() {
        remindersSent.increment();
    }

    /**
     * A webhook notification was accepted (for the webhook receivers: call once per notification).
     *
     * @param source e.g. {@code alertmanager}, {@code grafana}, {@code github}, {@code generic}
     */
    public void hookNotification(String source) {
        hookCounter(SLACK_ERROR.matcher(source).matches() ? source : "other").increment();
    }

    private Counter hookCounter(String source) {
        return Counter.builder("incidentbot.hook.notifications").description("Webhook notifications received")
                .tag("source", source).register(registry);
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
