package io.incidentbot.pager;

import java.util.Optional;

/** The pagers a page can go to; {@link #id()} is what is stored in the {@code page} table and job kinds. */
public enum PagerKind {
    /** PagerDuty Events API v2. */
    PAGERDUTY("pagerduty", "PagerDuty"),
    /** Jira Service Management Ops (or Opsgenie) alert API. */
    JSM_OPS("jsm-ops", "JSM Ops"),
    /** GoAlert generic API. */
    GOALERT("goalert", "GoAlert"),
    /** Direct messages to the on-call in Slack, from the on-call file's escalation policy. */
    SLACK("slack", "Slack");

    private final String id;
    private final String displayName;

    PagerKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** @return the stored identifier, e.g. {@code pagerduty} */
    public String id() {
        return id;
    }

    /** @return the name shown to people, e.g. {@code PagerDuty} */
    public String displayName() {
        return displayName;
    }

    /** @return the pager stored as {@code id}, if it is one */
    public static Optional<PagerKind> ofId(String id) {
        for (PagerKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
