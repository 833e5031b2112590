-- Issue 24. Alert posts that say enough: each alert keeps its labels (a JSON object, name to value), the
-- first line of annotations.description and annotations.runbook_url; each group the externalURL of its
-- latest notification (Alertmanager's UI, for the silence link).
-- Storm caps (INCIDENT_ALERT_DECLARE_MAX / INCIDENT_ALERT_POST_MAX): shown_at is when the group was given a
-- message of its own in the alerts channel (posts are counted by it); digest_of names the group whose
-- alerts-channel message is the storm digest this group is listed in (itself for the digest's first group),
-- digest_at when it joined it. Times are epoch microseconds. Portable SQL.
ALTER TABLE alert ADD COLUMN labels TEXT;
ALTER TABLE alert ADD COLUMN description TEXT;
ALTER TABLE alert ADD COLUMN runbook_url TEXT;
ALTER TABLE alert_group ADD COLUMN external_url TEXT;
ALTER TABLE alert_group ADD COLUMN shown_at BIGINT;
ALTER TABLE alert_group ADD COLUMN digest_of BIGINT;
ALTER TABLE alert_group ADD COLUMN digest_at BIGINT;
CREATE INDEX alert_group_shown ON alert_group(shown_at);
CREATE INDEX alert_group_digest ON alert_group(digest_at);
