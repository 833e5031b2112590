-- Reminders as due times (issue 10). One row per incident and kind ('update' | 'lead'); due_at and
-- sent_at are epoch microseconds. A reminder is due while due_at <= now AND sent_at IS NULL; whoever
-- sets sent_at first with a conditional UPDATE sends it, so several replicas send it once.
CREATE TABLE reminder (
    incident  BIGINT NOT NULL,
    kind      TEXT   NOT NULL,
    due_at    BIGINT NOT NULL,
    sent_at   BIGINT,
    PRIMARY KEY (incident, kind)
);
CREATE INDEX reminder_due ON reminder(sent_at, due_at);

-- Home tabs: who opened theirs when, and what was last published (to republish only on change, at
-- most once a minute per user).
CREATE TABLE home_view (
    user_id       TEXT   PRIMARY KEY,
    opened_at     BIGINT NOT NULL,
    published_at  BIGINT,
    content_hash  TEXT
);
