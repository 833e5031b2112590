package io.incidentbot.incident;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes each incident state change as one INFO line on the logger {@code io.incidentbot.audit},
 * with the {@code incident} MDC field set: {@code incident 12 declared SEV2 by U0123ABCD},
 * {@code incident 12 status investigating -> identified by U0123ABCD}, {@code incident 12 role lead
 * U0123ABCD -> U0456EFGH by U0123ABCD}. Titles are never written (a private incident's title must not reach INFO logs, and
 * one rule for all is easier to trust).
 */
public final class AuditLog implements IncidentAudit {
    private static final Logger log = LoggerFactory.getLogger("io.incidentbot.audit");

    @Override
    public void changed(Change c) {
        String previous = MDC.get("incident");
        MDC.put("incident", String.valueOf(c.incident()));
        try {
            String what = c.what().name().toLowerCase() + (c.field() == null ? "" : " " + c.field());
            String change = c.what() == What.DECLARED ? c.to() : c.from() + " -> " + c.to();
            log.info("incident {} {} {} by {}{}", c.incident(), what, change,
                    c.actor() == null ? "unknown" : c.actor(), c.privateIncident() ? " (private)" : "");
        } finally {
            if (previous == null) {
                MDC.remove("incident");
            } else {
                MDC.put("incident", previous);
            }
        }
    }
}
