-- Issue 24: how many reminders of a kind were sent since the last answer (a status update, a snooze), so that
-- they stop after INCIDENT_REMIND_MAX with one final note. Scheduling on an answer sets it back to 0; the next
-- reminder scheduled by the reminder itself keeps it. Portable SQL: the same on SQLite and PostgreSQL.
ALTER TABLE reminder ADD COLUMN unanswered INTEGER NOT NULL DEFAULT 0;
