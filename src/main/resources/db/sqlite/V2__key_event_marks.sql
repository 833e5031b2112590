-- What makes a message a key event: its pin (source 'pin') and each person's key-event emoji
-- reaction (source 'reaction:<user ID>'). A mark keeps the state of its latest change by Slack's
-- event time, so a removal that arrives before its addition still ends removed.
-- timeline_entry.pinned and timeline_entry.key_reactions are kept in step with these rows.
CREATE TABLE key_mark (
    entry_id  INTEGER NOT NULL REFERENCES timeline_entry(id),
    source    TEXT    NOT NULL,
    present   INTEGER NOT NULL,
    at        INTEGER NOT NULL,  -- epoch microseconds of the change
    PRIMARY KEY (entry_id, source)
);
