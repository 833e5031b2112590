-- Issue 12: an alert group can open one incident after another (it fires again after its incident was
-- resolved, or someone declares from its message in the alerts channel). alert_group.incident names the
-- group's incident now; each transition remembers the incident it belongs to, so that an incident's
-- alerts (its postmortem's Alerts section, "opened by alerts") stay its own when the group moves on.
-- NULL: shown in the alerts channel only, until an incident of the group takes it. Portable SQL.
ALTER TABLE alert_transition ADD COLUMN incident BIGINT REFERENCES incident(number);
UPDATE alert_transition SET incident = (SELECT g.incident FROM alert_group g WHERE g.id = alert_transition.group_id);
CREATE INDEX alert_transition_incident ON alert_transition(incident);
