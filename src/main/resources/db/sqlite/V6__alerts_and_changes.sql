-- Issue 12: alert groups, their alerts and every alert transition; changes; GitHub deliveries seen.
-- Times are epoch microseconds, as everywhere. The PostgreSQL twin is ../postgresql/V6__alerts_and_changes.sql.

-- One alert group: Alertmanager's / Grafana's groupKey, the generic dedup_key, per source.
CREATE TABLE alert_group (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    source          TEXT    NOT NULL,
    group_key       TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    incident        INTEGER REFERENCES incident(number),  -- the incident it declared, stored with the declare
    message_ts      TEXT,                                 -- ts of its message in INCIDENT_ALERTS_CHANNEL
    slack_pending   INTEGER NOT NULL DEFAULT 0,           -- a coalescing Slack job is queued
    last_slack_at   INTEGER,                              -- when the last such job was taken
    posted_through  INTEGER NOT NULL DEFAULT 0,           -- highest alert_transition.id posted to the incident channel
    resolved_said   INTEGER NOT NULL DEFAULT 0,           -- "every alert resolved" was posted
    created_at      INTEGER NOT NULL,
    UNIQUE (source, group_key)
);
CREATE INDEX alert_group_incident ON alert_group(incident);

-- The latest state of each alert of a group.
CREATE TABLE alert (
    group_id        INTEGER NOT NULL REFERENCES alert_group(id),
    alert_key       TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    first_fired_at  INTEGER,
    resolved_at     INTEGER,
    url             TEXT,
    PRIMARY KEY (group_id, alert_key)
);

-- Every firing / resolved transition, once: a redelivered notification hits the unique index.
CREATE TABLE alert_transition (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id     INTEGER NOT NULL REFERENCES alert_group(id),
    alert_key    TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    url          TEXT,
    received_at  INTEGER NOT NULL,
    UNIQUE (group_id, alert_key, status, at)
);

-- Changes (deploys, merges, config and feature-flag changes), once per (source, external_id).
CREATE TABLE change_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    source       TEXT    NOT NULL,
    external_id  TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    service      TEXT,
    environment  TEXT,
    author       TEXT,
    url          TEXT,
    kind         TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    received_at  INTEGER NOT NULL,
    UNIQUE (source, external_id)
);
CREATE INDEX change_event_at ON change_event(at);

-- X-GitHub-Delivery IDs already processed.
CREATE TABLE github_delivery (
    delivery_id  TEXT PRIMARY KEY,
    received_at  INTEGER NOT NULL
);
