package io.incidentbot.postmortem;

import io.incidentbot.incident.FollowUp;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the postmortem draft is made from: stored state only, no Slack calls.
 *
 * @param incident     the incident
 * @param entries      its timeline entries (deleted ones included; the draft leaves them out)
 * @param followUps    its follow-ups, in the order recorded
 * @param participants its participants (people who joined or wrote); message authors missing from
 *                     this list are counted as participants too
 * @param displayNames Slack user ID to display name; IDs not in it are shown as {@code <@U123>}
 * @param zone         time zone for every time in the draft, e.g. {@code UTC}
 * @param alerts       alerts that fired for the incident, with their firing intervals, for the Impact
 *                     section and the picture; empty when none are known
 * @param alertTable   the alerts of the alert group that declared it, by first fired, for the Alerts
 *                     section (empty for most incidents)
 * @param changesBefore the changes of {@code INCIDENT_CHANGE_WINDOW} before it was declared, most recent
 *                     first, for the Changes before the incident section
 * @param pages        its pages (issue 21), for Time to acknowledge and Paged; empty when it was never paged
 * @param impactStarted when impact started as people set or corrected it ({@code /incident timestamps}), or null
 *                     to take the earliest start of {@code alerts}
 * @param type         the incident's type from the team's process file (issue 25), its shown name, or null
 * @param fields       its custom field values, in the process file's order; empty without a process file
 * @param checklist    its checklist items that became due (process file, issue 25), in checklist order; empty without
 * @param related      earlier incidents like it (issue 22), for the Related incidents section; empty for none
 * @param followUpStates its follow-ups' state, plan and tracker issue (issue 22), by follow-up ID; a follow-up missing
 *                     from it is shown open, with no due date and no issue
 * @param names        what the team's process file calls severities and roles (issue 25), by code or key
 *                     ({@code SEV2 -> Major}, {@code lead -> Incident commander}), only those it renames; empty without
 *                     a process file (the draft's summary table then reads {@code SEV2} and {@code Lead})
 */
public record PostmortemInput(Incident incident, TimelineSource entries, List<FollowUp> followUps,
                              List<Participant> participants, Map<String, String> displayNames, ZoneId zone,
                              List<ChartInput.AlertSpan> alerts,
                              List<io.incidentbot.store.AlertRepository.StoredAlert> alertTable,
                              List<io.incidentbot.changes.Change> changesBefore,
                              List<io.incidentbot.pager.Page> pages, java.time.Instant impactStarted, String type,
                              List<Field> fields, List<io.incidentbot.process.checklist.ChecklistEntry> checklist,
                              List<RelatedIncidents.Related> related, Map<Long, FollowUpStatus> followUpStates,
                              Map<String, String> names) {
    /**
     * Where a follow-up of the drafted incident stands (issue 22), as the tracker read stores it.
     *
     * @param state    {@code open}, {@code done} or {@code wont_do}
     * @param due      due date (a calendar day), or null
     * @param priority 1..3 (p1 most urgent), or null
     * @param closedAt when it was last closed, null while open
     * @param issueKey its tracker issue's key once created (e.g. {@code acme/ops#3}, {@code OPS-7}), else null
     * @param issueUrl its tracker issue's web page once created, else null
     */
    public record FollowUpStatus(String state, java.time.LocalDate due, Integer priority, java.time.Instant closedAt,
                                 String issueKey, String issueUrl) {
        /** @return the stored follow-up's status; a tracker issue still pending or refused counts as none */
        public static FollowUpStatus of(io.incidentbot.trackers.FollowUpRecord f) {
            io.incidentbot.trackers.TrackerLink link = f.link() != null
                    && f.link().status() == io.incidentbot.trackers.TrackerLink.Status.CREATED ? f.link() : null;
            return new FollowUpStatus(f.state().word(), f.due(), f.priority(), f.closedAt(),
                    link == null ? null : link.key(), link == null ? null : link.url());
        }
    }

    /**
     * A custom field's value as the draft shows it.
     *
     * @param label what the process file calls the field, e.g. {@code Customer impact}
     * @param value the value as text: a multi_select's options separated by commas; a user's Slack ID when
     *              {@code user} (the draft shows their display name)
     * @param user  true for a {@code user} field
     */
    public record Field(String label, String value, boolean user) {
    }

    /**
     * @return the severity as the draft names it (plain text, not escaped): {@code SEV2 Major} when the process file
     *         renames it (the code first, as pagers and stats say it), else {@code SEV2}
     */
    public String severityName(io.incidentbot.incident.Severity s) {
        String name = names.get(s.name());
        return name == null ? s.name() : s.name() + " " + name;
    }

    /** @return what the process file calls the role ({@code Incident commander}, plain text), or null when it keeps its key */
    public String roleName(io.incidentbot.incident.Role r) {
        return names.get(r.label());
    }

    /**
     * The milestone <b>impact started</b> (issue 25).
     *
     * @return {@link #impactStarted()} when set, else the earliest start ({@code startsAt}) of the alerts linked to
     *         the incident, else null
     */
    public java.time.Instant impactStartedAt() {
        if (impactStarted != null) {
            return impactStarted;
        }
        return alerts.stream().map(ChartInput.AlertSpan::start).filter(Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /**
     * @param incident the incident
     * @param entries  its timeline entries
     * @param zone     time zone for every time in the draft
     * @return a builder of an input with nothing else known: no follow-ups, participants, display names, alerts,
     *         changes, pages, type, fields, checklist, related incidents or names (each part set on the builder)
     */
    public static Builder builder(Incident incident, TimelineSource entries, ZoneId zone) {
        return new Builder(incident, entries, zone);
    }

    /** @return a builder holding this input's parts, to change some of them */
    public Builder toBuilder() {
        return new Builder(incident, entries, zone).followUps(followUps).participants(participants).displayNames(displayNames)
                .alerts(alerts).alertTable(alertTable).changesBefore(changesBefore).pages(pages).impactStarted(impactStarted)
                .type(type).fields(fields).checklist(checklist).related(related).followUpStates(followUpStates).names(names);
    }

    /** Builds a {@link PostmortemInput} part by part; each part is as the record's component of the same name. */
    public static final class Builder {
        private final Incident incident;
        private final TimelineSource entries;
        private final ZoneId zone;
        private List<FollowUp> followUps = List.of();
        private List<Participant> participants = List.of();
        private Map<String, String> displayNames = Map.of();
        private List<ChartInput.AlertSpan> alerts = List.of();
        private List<io.incidentbot.store.AlertRepository.StoredAlert> alertTable = List.of();
        private List<io.incidentbot.changes.Change> changesBefore = List.of();
        private List<io.incidentbot.pager.Page> pages = List.of();
        private java.time.Instant impactStarted;
        private String type;
        private List<Field> fields = List.of();
        private List<io.incidentbot.process.checklist.ChecklistEntry> checklist = List.of();
        private List<RelatedIncidents.Related> related = List.of();
        private Map<Long, FollowUpStatus> followUpStates = Map.of();
        private Map<String, String> names = Map.of();

        private Builder(Incident incident, TimelineSource entries, ZoneId zone) {
            this.incident = incident;
            this.entries = entries;
            this.zone = zone;
        }

        public Builder followUps(List<FollowUp> v) {
            followUps = v;
            return this;
        }

        public Builder participants(List<Participant> v) {
            participants = v;
            return this;
        }

        public Builder displayNames(Map<String, String> v) {
            displayNames = v;
            return this;
        }

        public Builder alerts(List<ChartInput.AlertSpan> v) {
            alerts = v;
            return this;
        }

        public Builder alertTable(List<io.incidentbot.store.AlertRepository.StoredAlert> v) {
            alertTable = v;
            return this;
        }

        public Builder changesBefore(List<io.incidentbot.changes.Change> v) {
            changesBefore = v;
            return this;
        }

        public Builder pages(List<io.incidentbot.pager.Page> v) {
            pages = v;
            return this;
        }

        /** @param v when impact started as people set it, or null to take it from the alerts */
        public Builder impactStarted(java.time.Instant v) {
            impactStarted = v;
            return this;
        }

        /** @param v the type's shown name, or null */
        public Builder type(String v) {
            type = v;
            return this;
        }

        public Builder fields(List<Field> v) {
            fields = v;
            return this;
        }

        public Builder checklist(List<io.incidentbot.process.checklist.ChecklistEntry> v) {
            checklist = v;
            return this;
        }

        public Builder related(List<RelatedIncidents.Related> v) {
            related = v;
            return this;
        }

        public Builder followUpStates(Map<Long, FollowUpStatus> v) {
            followUpStates = v;
            return this;
        }

        /** @param v what the process file calls severities and roles, by code or key, only those it renames */
        public Builder names(Map<String, String> v) {
            names = v;
            return this;
        }

        /** @return the input */
        public PostmortemInput build() {
            return new PostmortemInput(incident, entries, followUps, participants, displayNames, zone, alerts, alertTable,
                    changesBefore, pages, impactStarted, type, fields, checklist, related, followUpStates, names);
        }
    }

    public PostmortemInput {
        alerts = List.copyOf(alerts);
        alertTable = List.copyOf(alertTable);
        changesBefore = List.copyOf(changesBefore);
        pages = List.copyOf(pages);
        fields = List.copyOf(fields);
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(entries, "entries");
        followUps = List.copyOf(followUps);
        participants = List.copyOf(participants);
        displayNames = Map.copyOf(displayNames);
        Objects.requireNonNull(zone, "zone");
        followUpStates = Map.copyOf(followUpStates);
        names = Map.copyOf(names);
    }
}
