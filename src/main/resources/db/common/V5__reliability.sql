-- Issue 13 (reliability). Portable SQL: runs unchanged on SQLite and PostgreSQL.

-- A job waiting out the worker's own backoff (TRUE) rather than a Retry-After Slack asked for (FALSE):
-- once Slack accepts a call again, the former are retried at once.
ALTER TABLE outbox ADD COLUMN backing_off BOOLEAN NOT NULL DEFAULT FALSE;

-- What the bot last set in Slack per incident (what = 'topic', 'header'): unchanged texts are not sent again.
CREATE TABLE slack_text (
    incident  BIGINT NOT NULL,
    what      TEXT   NOT NULL,
    text      TEXT   NOT NULL,
    PRIMARY KEY (incident, what)
);

-- Make the periodic pruning cheap: each DELETE walks an index range.
CREATE INDEX processed_event_received ON processed_event(received_at);
CREATE INDEX pending_change_at ON pending_change(at);
CREATE INDEX outbox_finished ON outbox(state, finished_at);
