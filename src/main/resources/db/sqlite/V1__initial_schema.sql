-- Incidents: the number is the row id; AUTOINCREMENT never reuses a number.
CREATE TABLE incident (
    number              INTEGER PRIMARY KEY AUTOINCREMENT,
    title               TEXT    NOT NULL,
    severity            TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    is_private          INTEGER NOT NULL DEFAULT 0,
    summary             TEXT,
    channel_id          TEXT UNIQUE,
    channel_name        TEXT,
    header_ts           TEXT,
    declared_by         TEXT    NOT NULL,
    declared_at         INTEGER NOT NULL,  -- epoch microseconds
    identified_at       INTEGER,
    mitigated_at        INTEGER,
    resolved_at         INTEGER,
    resolution_summary  TEXT
);
CREATE INDEX incident_status ON incident(status);

CREATE TABLE incident_role (
    incident     INTEGER NOT NULL REFERENCES incident(number),
    role         TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    assigned_at  INTEGER NOT NULL,
    PRIMARY KEY (incident, role)
);

-- Timeline entries. at = epoch microseconds (the Slack ts for messages).
CREATE TABLE timeline_entry (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    incident      INTEGER NOT NULL REFERENCES incident(number),
    kind          TEXT    NOT NULL,
    at            INTEGER NOT NULL,
    ts            TEXT,
    thread_ts     TEXT,
    user_id       TEXT,
    text          TEXT    NOT NULL,
    edited_at     INTEGER,
    deleted       INTEGER NOT NULL DEFAULT 0,
    pinned        INTEGER NOT NULL DEFAULT 0,
    key_reactions INTEGER NOT NULL DEFAULT 0,
    files         TEXT
);
CREATE UNIQUE INDEX timeline_entry_message ON timeline_entry(incident, ts) WHERE ts IS NOT NULL;
CREATE INDEX timeline_entry_order ON timeline_entry(incident, at, id);

CREATE TABLE follow_up (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    incident    INTEGER NOT NULL REFERENCES incident(number),
    text        TEXT    NOT NULL,
    owner_id    TEXT,
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE participant (
    incident   INTEGER NOT NULL REFERENCES incident(number),
    user_id    TEXT    NOT NULL,
    joined_at  INTEGER NOT NULL,
    PRIMARY KEY (incident, user_id)
);

-- Events API event_ids already processed (Slack delivers at least once).
CREATE TABLE processed_event (
    event_id     TEXT PRIMARY KEY,
    received_at  INTEGER NOT NULL
);

-- Edits, deletions and key-event marks that arrived before their message.
CREATE TABLE pending_change (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id  TEXT    NOT NULL,
    ts          TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    text        TEXT,
    at          INTEGER NOT NULL
);
CREATE INDEX pending_change_message ON pending_change(channel_id, ts);

-- Durable queue of Web API work; jobs of one incident run in id order.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    incident         INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    payload          TEXT    NOT NULL,
    state            TEXT    NOT NULL DEFAULT 'pending',  -- pending | done | failed
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    finished_at      INTEGER
);
CREATE INDEX outbox_pending ON outbox(state, incident, id);

-- Display names from users.info, for the postmortem draft.
CREATE TABLE slack_user (
    user_id       TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    fetched_at    INTEGER NOT NULL
);
