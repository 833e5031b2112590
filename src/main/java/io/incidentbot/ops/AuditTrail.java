package io.incidentbot.ops;

import io.incidentbot.incident.IncidentAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Objects;
import java.util.function.Supplier;

import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.value;

/**
 * The audit listener the bot runs with. Each committed incident state change becomes one INFO line on the
 * logger {@code io.incidentbot.audit}, with the {@code incident} MDC field set, in the sentence an operator
 * reads ({@code incident 12 declared SEV2 by U0123ABCD}, {@code incident 12 status investigating ->
 * identified by U0123ABCD}, {@code incident 12 role lead U0123ABCD -> U0456EFGH by U0123ABCD}) and, with
 * {@code LOG_FORMAT=json}, as fields a log pipeline can query without parsing it (logstash-logback-encoder's
 * {@code StructuredArguments}): {@code event} ({@code declared}, {@code status}, {@code severity},
 * {@code role}, {@code resolved}, {@code reopened}), {@code incident}, {@code actor}, {@code from},
 * {@code to}, and {@code role} and {@code private} where they apply. Titles are never written (a private
 * incident's title must not reach INFO logs).
 *
 * <p>Each declare is also counted on {@code incidentbot_incidents_declared_total{severity,source}}
 * ({@link Metrics#incidentDeclared}): here, where the declare is audited, once per committed declare,
 * without the domain knowing about metrics.
 */
public final class AuditTrail implements IncidentAudit {
    private static final Logger log = LoggerFactory.getLogger("io.incidentbot.audit");

    private final Metrics metrics;
    private final Supplier<String> botUserId;

    /**
     * @param metrics   where declares are counted
     * @param botUserId the bot's own Slack user ID (null until known): a declare by it is {@code source="alert"}
     *                  (an alert group declared it), any other {@code source="slack"}
     */
    public AuditTrail(Metrics metrics, Supplier<String> botUserId) {
        this.metrics = Objects.requireNonNull(metrics);
        this.botUserId = Objects.requireNonNull(botUserId);
    }

    @Override
    public void changed(Change c) {
        String previous = MDC.get("incident");
        MDC.put("incident", String.valueOf(c.incident()));
        try {
            write(c);
        } finally {
            if (previous == null) {
                MDC.remove("incident");
            } else {
                MDC.put("incident", previous);
            }
        }
        if (c.what() == What.DECLARED) {
            boolean byBot = c.actor() == null || c.actor().equals(botUserId.get());
            metrics.incidentDeclared(c.to(), byBot ? "alert" : "slack");
        }
    }

    private static void write(Change c) {
        String event = c.what().name().toLowerCase(java.util.Locale.ROOT);
        String actor = c.actor() == null ? "unknown" : c.actor();
        String shownEvent = c.field() == null ? event : event + " " + c.field();
        String privately = c.privateIncident() ? " (private)" : "";
        Object incident = value("incident", c.incident());
        Object by = value("actor", actor);
        Object isPrivate = keyValue("private", c.privateIncident());
        Object role = keyValue("role", c.field());
        if (c.what() == What.DECLARED) {
            log.info("incident {} {} {} by {}{}", incident, value("event", event), value("to", c.to()), by, privately,
                    keyValue("from", c.from()), isPrivate);
        } else if (c.field() == null) {
            log.info("incident {} {} {} -> {} by {}{}", incident, value("event", event), value("from", c.from()),
                    value("to", c.to()), by, privately, isPrivate);
        } else {
            log.info("incident {} {} {} -> {} by {}{}", incident, shownEvent, value("from", c.from()),
                    value("to", c.to()), by, privately, keyValue("event", event), role, isPrivate);
        }
    }
}
