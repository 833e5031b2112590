-- Replay protection (issue 13): the X-Slack-Signature of each Slack request accepted lately. A
-- signature covers the request's timestamp, which is accepted within 5 minutes either way of now,
-- so rows older than 11 minutes can no longer matter and are pruned.
CREATE TABLE request_signature (
    signature    TEXT    PRIMARY KEY,
    accepted_at  INTEGER NOT NULL  -- epoch microseconds
);
CREATE INDEX request_signature_age ON request_signature(accepted_at);

-- Current channel membership of participants (private incidents are visible to current members
-- only): the state of the latest join, message, invite or leave by Slack's time.
ALTER TABLE participant ADD COLUMN in_channel INTEGER NOT NULL DEFAULT 1;
ALTER TABLE participant ADD COLUMN member_at INTEGER NOT NULL DEFAULT 0;  -- epoch microseconds
UPDATE participant SET member_at = joined_at;
