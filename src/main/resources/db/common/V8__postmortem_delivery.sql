-- Where an incident's postmortem draft was delivered in Slack, so that /incident postmortem run again
-- edits the channel canvas (canvases.edit) and replaces the uploaded files (files.delete) instead of
-- trying to create a second canvas and posting duplicates. IDs are Slack file IDs (F...); a canvas is
-- a file too. Times are epoch microseconds. Portable SQL: the same on SQLite and PostgreSQL.
CREATE TABLE postmortem_delivery (
    incident       BIGINT  NOT NULL PRIMARY KEY REFERENCES incident(number),
    draft_file_id  TEXT,
    chart_file_id  TEXT,
    canvas_id      TEXT,
    updated_at     BIGINT  NOT NULL
);
