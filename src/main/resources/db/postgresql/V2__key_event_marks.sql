-- PostgreSQL twin of db/sqlite/V2__key_event_marks.sql.
CREATE TABLE key_mark (
    entry_id  BIGINT  NOT NULL REFERENCES timeline_entry(id),
    source    TEXT    NOT NULL,
    present   BOOLEAN NOT NULL,
    at        BIGINT  NOT NULL,  -- epoch microseconds of the change
    PRIMARY KEY (entry_id, source)
);
