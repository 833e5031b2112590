-- The team's process file (issue 25): each incident's type (a name from INCIDENT_PROCESS_FILE) and the values of
-- its custom fields. A multi_select field's values are joined with a newline. Incidents declared without a process
-- file have no row; a field that is cleared has no row.
CREATE TABLE incident_type (
    incident  BIGINT NOT NULL PRIMARY KEY,
    type_name TEXT   NOT NULL
);
CREATE TABLE incident_field (
    incident BIGINT NOT NULL,
    name     TEXT   NOT NULL,
    value    TEXT   NOT NULL,
    PRIMARY KEY (incident, name)
);
