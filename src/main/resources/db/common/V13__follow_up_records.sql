-- Follow-ups as records and their tracker issues (issue 22).
-- due_date is an ISO date (YYYY-MM-DD, the owner's calendar day); priority 1..3 (p1 most urgent);
-- state 'open' | 'done' | 'wont_do'; closed_at / reminded_at are epoch microseconds; state_source says where
-- the last state change came from ('slack' or 'tracker'), so a change that came from the tracker is not sent back.
ALTER TABLE follow_up ADD COLUMN due_date TEXT;
ALTER TABLE follow_up ADD COLUMN priority INTEGER;
ALTER TABLE follow_up ADD COLUMN state TEXT NOT NULL DEFAULT 'open';
ALTER TABLE follow_up ADD COLUMN closed_at BIGINT;
ALTER TABLE follow_up ADD COLUMN closed_by TEXT;
ALTER TABLE follow_up ADD COLUMN state_source TEXT;
ALTER TABLE follow_up ADD COLUMN reminded_at BIGINT;
CREATE INDEX follow_up_owner_state ON follow_up(owner_id, state);
CREATE INDEX follow_up_state_due ON follow_up(state, due_date);

-- One tracker issue per follow-up: the primary key makes "created once" hold when the button is pressed
-- twice or two replicas race (INSERT ... ON CONFLICT DO NOTHING; only the inserting caller queues the job).
-- status 'pending' (job queued) | 'created' (issue_key, issue_url set) | 'failed' (error: the tracker's own).
CREATE TABLE follow_up_export (
    follow_up     BIGINT PRIMARY KEY REFERENCES follow_up(id),
    provider      TEXT   NOT NULL,
    status        TEXT   NOT NULL,
    issue_key     TEXT,
    issue_url     TEXT,
    error         TEXT,
    requested_by  TEXT   NOT NULL,
    requested_at  BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX follow_up_export_issue ON follow_up_export(provider, issue_key);

-- Tracker webhook deliveries already applied (GitHub X-GitHub-Delivery, Jira X-Atlassian-Webhook-Identifier,
-- GitLab X-Gitlab-Event-UUID): a redelivery changes nothing.
CREATE TABLE tracker_delivery (
    provider     TEXT   NOT NULL,
    delivery     TEXT   NOT NULL,
    received_at  BIGINT NOT NULL,
    PRIMARY KEY (provider, delivery)
);
