-- The public status page (issue 23). Everything here is public-facing except status_incident.incident
-- (the internal incident number, never shown) and created_by. IDs are random 12-character public IDs
-- (statuspage/PublicIds), never incident numbers. Times are epoch microseconds. Portable SQL: the same on
-- SQLite and PostgreSQL.
CREATE TABLE status_component (
    id          TEXT    NOT NULL PRIMARY KEY,
    grp         TEXT,
    name        TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    state       TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    removed_at  BIGINT
);
CREATE UNIQUE INDEX status_component_name ON status_component (name) WHERE removed_at IS NULL;

-- Times a component spent in a non-operational state: the 90-day history bars. ended_at NULL while it lasts.
CREATE TABLE status_interval (
    id            TEXT   NOT NULL PRIMARY KEY,
    component_id  TEXT   NOT NULL REFERENCES status_component(id),
    state         TEXT   NOT NULL,
    started_at    BIGINT NOT NULL,
    ended_at      BIGINT
);
CREATE INDEX status_interval_component ON status_interval (component_id, started_at);

-- A published incident: public title and status, stored apart from the internal incident. statuspage_id and
-- cachet_id are the IDs the hosted pages gave it once pushed; *_pushed_at the time of the newest public update
-- each hosted page has been sent (later ones are pushed next, coalesced).
CREATE TABLE status_incident (
    public_id      TEXT   NOT NULL PRIMARY KEY,
    incident       BIGINT NOT NULL UNIQUE REFERENCES incident(number),
    title          TEXT   NOT NULL,
    status         TEXT   NOT NULL,
    impact         TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    monitoring_at  BIGINT,
    resolved_at    BIGINT,
    statuspage_id  TEXT,
    cachet_id      TEXT,
    statuspage_pushed_at  BIGINT,
    cachet_pushed_at      BIGINT
);
CREATE INDEX status_incident_created ON status_incident (created_at);

CREATE TABLE status_incident_component (
    public_id     TEXT    NOT NULL REFERENCES status_incident(public_id),
    component_id  TEXT    NOT NULL REFERENCES status_component(id),
    state         TEXT    NOT NULL,
    PRIMARY KEY (public_id, component_id)
);

-- Public updates: text for customers, apart from the internal status updates of the timeline.
CREATE TABLE status_update (
    id          TEXT   NOT NULL PRIMARY KEY,
    public_id   TEXT   NOT NULL REFERENCES status_incident(public_id),
    status      TEXT   NOT NULL,
    body        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX status_update_incident ON status_update (public_id, created_at);

CREATE TABLE status_maintenance (
    public_id   TEXT   NOT NULL PRIMARY KEY,
    name        TEXT   NOT NULL,
    message     TEXT   NOT NULL,
    starts_at   BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    created_by  TEXT
);
CREATE INDEX status_maintenance_ends ON status_maintenance (ends_at);

CREATE TABLE status_maintenance_component (
    public_id     TEXT NOT NULL REFERENCES status_maintenance(public_id),
    component_id  TEXT NOT NULL REFERENCES status_component(id),
    PRIMARY KEY (public_id, component_id)
);
