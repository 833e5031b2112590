-- Escalation in Slack (issue 21): the next step due of each incident paged through Slack, one row per incident.
-- step is the index of the escalation policy's step, round the pass through the policy (0 first, then repeats
-- up to INCIDENT_PAGE_REPEAT). Times are epoch microseconds. Due while due_at <= now AND sent_at IS NULL; whoever
-- sets sent_at first with a conditional UPDATE sends it (several replicas send it once); the row survives restarts
-- and is deleted on acknowledgement or resolve.
CREATE TABLE escalation (
    incident  BIGINT  NOT NULL PRIMARY KEY,
    step      INTEGER NOT NULL,
    round     INTEGER NOT NULL,
    due_at    BIGINT  NOT NULL,
    sent_at   BIGINT
);
CREATE INDEX escalation_due ON escalation(sent_at, due_at);
