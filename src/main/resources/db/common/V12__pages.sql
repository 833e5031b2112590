-- Pages (issue 21): one row per incident and pager ('pagerduty' | 'jsm-ops' | 'goalert' | 'slack'). Times are
-- epoch microseconds. state is 'triggered' | 'acknowledged' | 'resolved'. first_paged_at and
-- first_acknowledged_at never change once set (the postmortem's "Time to acknowledge"); paged_at, paged_by,
-- acknowledged_by/at are the latest. external_id is the pager's own ID (PagerDuty incident ID from its webhook,
-- GoAlert alert ID, JSM request ID). error is the pager's answer when the last call failed for good, else NULL.
CREATE TABLE page (
    incident               BIGINT NOT NULL,
    pager                  TEXT   NOT NULL,
    dedup_key              TEXT   NOT NULL,
    state                  TEXT   NOT NULL,
    first_paged_at         BIGINT NOT NULL,
    paged_at               BIGINT NOT NULL,
    paged_by               TEXT,
    external_id            TEXT,
    first_acknowledged_at  BIGINT,
    acknowledged_at        BIGINT,
    acknowledged_by        TEXT,
    resolved_at            BIGINT,
    error                  TEXT,
    PRIMARY KEY (incident, pager)
);
CREATE INDEX page_dedup_key ON page(dedup_key);
CREATE INDEX page_external_id ON page(pager, external_id);

-- Pager webhook deliveries already applied, by the sender's event ID (PagerDuty's event.id; for JSM Ops the
-- alert ID, action and time), so a redelivery changes nothing.
CREATE TABLE pager_hook_event (
    source       TEXT   NOT NULL,
    event_id     TEXT   NOT NULL,
    received_at  BIGINT NOT NULL,
    PRIMARY KEY (source, event_id)
);
