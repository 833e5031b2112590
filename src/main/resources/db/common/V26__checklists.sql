-- Checklists of the team's process file (issue 25). checklist_item holds each item of an incident's type that has
-- become due (its `when` held once), a snapshot of the item as the process file said then; item is its position in
-- the type's checklist (0-based), the checkbox's value. required is 1 or 0. Times are epoch microseconds; done_by
-- and done_at are set while the item is ticked, NULL while it is not. checklist_message is the one channel message
-- showing the incident's checklist, updated in place (chat.update) as items become due or are ticked.
CREATE TABLE checklist_item (
    incident    BIGINT  NOT NULL,
    item        INTEGER NOT NULL,
    checklist   TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    description TEXT,
    runbook     TEXT,
    role        TEXT,
    required    INTEGER NOT NULL,
    due_at      BIGINT  NOT NULL,
    done_by     TEXT,
    done_at     BIGINT,
    PRIMARY KEY (incident, item)
);
CREATE TABLE checklist_message (
    incident BIGINT NOT NULL PRIMARY KEY,
    channel  TEXT   NOT NULL,
    ts       TEXT   NOT NULL
);
