-- Issue 25: when impact started, as people set or corrected it (/incident timestamps); null: the earliest
-- startsAt of the incident's alerts. Microseconds since the epoch, like the other milestones.
ALTER TABLE incident ADD COLUMN impact_started_at BIGINT;
