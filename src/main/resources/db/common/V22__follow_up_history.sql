-- Follow-up state history (issue 22): every close and reopen, made in Slack or in the tracker, with who and when.
-- follow_up.state_at is the time of the last state change (epoch microseconds; for a tracker's change, the time
-- the tracker gives), so a tracker event older than a later change made in Slack (a close delivered after a
-- reopen) is stale and changes nothing.
ALTER TABLE follow_up ADD COLUMN state_at BIGINT;
CREATE TABLE follow_up_state_change (
    follow_up   BIGINT NOT NULL REFERENCES follow_up(id),
    state       TEXT   NOT NULL,
    changed_by  TEXT   NOT NULL,
    changed_at  BIGINT NOT NULL,
    source      TEXT   NOT NULL
);
CREATE INDEX follow_up_state_change_follow_up ON follow_up_state_change(follow_up, changed_at);
