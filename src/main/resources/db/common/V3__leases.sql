-- Several replicas on one database (and the same code path on SQLite with one).
--
-- Outbox jobs are claimed with a lease: the replica that delivers a job writes its holder ID and
-- the lease's expiry (epoch microseconds); another replica may take the job over once the lease has
-- expired (its holder died). Finishing a job clears the lease.
ALTER TABLE outbox ADD COLUMN lease_holder TEXT;
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;

-- Named leases for periodic work that must run on one replica at a time (catch-up sweeps,
-- reminders, ...): store/Leader.
CREATE TABLE lease (
    name        TEXT PRIMARY KEY,
    holder      TEXT   NOT NULL,
    held_until  BIGINT NOT NULL  -- epoch microseconds
);

-- Gap-free numbering: the declaring transaction increments this row (a row lock on PostgreSQL, the
-- single writer on SQLite), so a rolled-back declare leaves no hole and two replicas never draw the
-- same number.
CREATE TABLE counter (
    name   TEXT PRIMARY KEY,
    value  BIGINT NOT NULL
);
INSERT INTO counter (name, value) SELECT 'incident', COALESCE(MAX(number), 0) FROM incident;
