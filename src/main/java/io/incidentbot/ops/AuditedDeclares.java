package io.incidentbot.ops;

import io.incidentbot.incident.IncidentAudit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The audit listener the bot runs with: passes every committed incident change on to the audit log and
 * counts each declare on {@code incidentbot_incidents_declared_total{severity,source}} ({@link
 * Metrics#incidentDeclared}), so the count is taken where the declare is audited, once per committed
 * declare, without the domain knowing about metrics.
 */
public final class AuditedDeclares implements IncidentAudit {
    private final IncidentAudit delegate;
    private final Metrics metrics;
    private final Supplier<String> botUserId;

    /**
     * @param delegate  the audit log ({@code incident/AuditLog})
     * @param metrics   where declares are counted
     * @param botUserId the bot's own Slack user ID (null until known): a declare by it is {@code source="alert"}
     *                  (an alert group declared it), any other {@code source="slack"}
     */
    public AuditedDeclares(IncidentAudit delegate, Metrics metrics, Supplier<String> botUserId) {
        this.delegate = Objects.requireNonNull(delegate);
        this.metrics = Objects.requireNonNull(metrics);
        this.botUserId = Objects.requireNonNull(botUserId);
    }

    @Override
    public void changed(Change change) {
        delegate.changed(change);
        if (change.what() == What.DECLARED) {
            String bot = botUserId.get();
            boolean byBot = change.actor() == null || change.actor().equals(bot);
            metrics.incidentDeclared(change.to(), byBot ? "alert" : "slack");
        }
    }
}
