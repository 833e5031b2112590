package io.incidentbot.postmortem;

import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.changes.Change;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.incident.Role;
import io.incidentbot.incident.Status;
import io.incidentbot.insights.IncidentTimes;
import io.incidentbot.postmortem.DraftModel.Milestone;
import io.incidentbot.store.AlertRepository.StoredAlert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link DraftModel} of one draft from a {@link PostmortemInput} and the first pass over its timeline.
 * Everything it holds is bounded (rows, follow-ups, participants, the small pre-written sections); the key events
 * and the channel log are {@link Streamed} from the input's {@link TimelineSource} while the template writes them.
 */
final class DraftModels {
    private final PostmortemInput in;
    private final Incident incident;
    private final TimelineScan scan;
    private final boolean multiDay;
    private final DisplayNames names;
    private final Times times;
    private final EntryText text;

    private DraftModels(PostmortemInput in, TimelineScan scan) {
        this.in = in;
        this.incident = in.incident();
        this.scan = scan;
        this.names = new DisplayNames(in.displayNames());
        this.times = new Times(in.zone());
        this.text = new EntryText(names);
        this.multiDay = !times.day(scan.first()).equals(times.day(scan.last()));
    }

    /**
     * @param chartTarget the picture's file name or URL, or null for none
     * @return the model of {@code in}'s draft, after one pass over its timeline
     */
    static DraftModel of(PostmortemInput in, String chartTarget) {
        return new DraftModels(in, TimelineScan.of(in.incident(), in.entries())).model(chartTarget);
    }

    /** @return a row whose cell is {@code value} escaped for a table cell */
    static DraftModel.Row row(String name, String value) {
        return new DraftModel.Row(name, value, Md.cell(value));
    }

    private DraftModel model(String chartTarget) {
        FactSections facts = new FactSections(null, in, scan.facts(), text, names, times, multiDay);
        String chart = chartTarget == null ? null : PostmortemRenderer.chartImage(incident.number(), chartTarget);
        TimelineSource entries = in.entries();
        return new DraftModel(times.zoneName(), incidentFields(), milestones(), summaryTable(), facts.metrics(),
                alertRows(), changeLines(),
                Streamed.of(scan.keyEvents() == 0, sink -> new KeyEvents(text, days(), in).forEach(entries, sink)),
                scan.keyEvents() > 0,
                Streamed.of(scan.messages() == 0, sink -> new ChannelLog(text, days(), scan).forEach(entries, sink)),
                scan.messages(), followUpItems(), people(), checklistItems(), !in.checklist().isEmpty(), customFields(), chart,
                DraftModel.PromptTexts.DEFAULT, sections(), RelatedSection.items(in.related(), times, names, text));
    }

    private DayHeadings days() {
        return new DayHeadings(times, multiDay);
    }

    private DraftModel.IncidentFields incidentFields() {
        return new DraftModel.IncidentFields(incident.number(), Md.inline(Md.oneLine(incident.title())),
                incident.severity().name(), incident.status().label(), role(Role.LEAD), role(Role.COMMS),
                role(Role.SCRIBE), names.of(incident.declaredBy()), channel(),
                Md.block(text.markdown(incident.summary())), Md.block(text.markdown(incident.resolutionSummary())),
                Md.inline(in.severityName(incident.severity())), roleTitle(Role.LEAD), roleTitle(Role.COMMS),
                roleTitle(Role.SCRIBE));
    }

    /** @return the role as the summary table titles it: the process file's name ({@code Incident commander}), else {@code Lead} */
    private String roleTitle(Role role) {
        String name = in.roleName(role);
        return name == null ? capitalized(role.label()) : Md.inline(name);
    }

    private String role(Role role) {
        String holder = incident.roles().get(role);
        return holder == null ? null : names.of(holder);
    }

    private String channel() {
        String channel = incident.channelName() == null ? null : "#" + incident.channelName();
        return channel != null && incident.privateIncident() ? channel + " (private)" : channel;
    }

    private DraftModel.Milestones milestones() {
        Milestone declared = milestone("Declared", incident.declaredAt());
        Milestone identified = milestone("Identified", incident.identifiedAt());
        Milestone mitigated = milestone("Mitigated",
                IncidentTimes.mitigatedSeparately(incident.mitigatedAt(), incident.resolvedAt()));
        Milestone resolved = milestone("Resolved", incident.resolvedAt());
        List<Milestone> all = new ArrayList<>();
        for (Milestone m : new Milestone[] {declared, identified, mitigated, resolved}) {
            if (m != null) {
                all.add(m);
            }
        }
        Instant impactAt = in.impactStartedAt();
        Milestone impact = impactAt == null ? null
                : new Milestone("Impact started", times.dateTime(impactAt), Times.duration(impactAt, incident.declaredAt()));
        if (impact != null) {
            all.add(0, impact);
        }
        return new DraftModel.Milestones(impact, declared, identified, mitigated, resolved, timeToDetect(in),
                List.copyOf(all));
    }

    /**
     * Time to detect: from impact started to the declaration.
     *
     * @return e.g. {@code 7 min}; null when impact started is unknown or after the declaration
     */
    static String timeToDetect(PostmortemInput in) {
        Instant impact = in.impactStartedAt();
        Instant declared = in.incident().declaredAt();
        return impact == null || impact.isAfter(declared) ? null : Times.duration(impact, declared);
    }

    private Milestone milestone(String name, Instant at) {
        return at == null ? null : new Milestone(name, times.dateTime(at), Times.duration(incident.declaredAt(), at));
    }

    private List<DraftModel.Row> summaryTable() {
        List<DraftModel.Row> rows = new ArrayList<>();
        if (in.type() != null) {
            rows.add(row("Type", in.type()));
        }
        rows.add(row("Severity", Md.inline(in.severityName(incident.severity()))));
        rows.add(row("Status", incident.status().label()));
        for (Role role : Role.values()) {
            rows.add(row(Md.cell(roleTitle(role)), role(role)));
        }
        Instant impact = in.impactStartedAt();
        if (impact != null) {
            rows.add(row("Impact started", times.dateTime(impact) + (impact.isAfter(incident.declaredAt()) ? ""
                    : " (" + Times.duration(impact, incident.declaredAt()) + " before declared)")));
        }
        rows.add(row("Declared", times.dateTime(incident.declaredAt()) + " by " + names.of(incident.declaredBy())));
        rows.add(row("Identified", milestoneCell(incident.identifiedAt())));
        rows.add(row("Mitigated", milestoneCell(IncidentTimes.mitigatedSeparately(incident.mitigatedAt(), incident.resolvedAt()))));
        rows.add(row("Resolved", milestoneCell(incident.resolvedAt())));
        rows.add(row("Time to resolve", incident.resolvedAt() == null ? "not yet"
                : Times.duration(incident.declaredAt(), incident.resolvedAt())));
        rows.add(row("Channel", channel()));
        for (PostmortemInput.Field f : in.fields()) {
            rows.add(row(Md.cell(f.label()), shown(f)));
        }
        return rows;
    }

    private List<DraftModel.CustomField> customFields() {
        return in.fields().stream().map(f -> new DraftModel.CustomField(Md.inline(Md.oneLine(f.label())),
                Md.inline(Md.oneLine(shown(f))))).toList();
    }

    /** @return a custom field's value as the draft shows it: a user field by display name */
    private String shown(PostmortemInput.Field f) {
        return f.user() ? names.of(f.value()) : f.value();
    }

    private String milestoneCell(Instant at) {
        if (at == null) {
            return incident.status() == Status.RESOLVED ? "—" : "not yet";
        }
        return times.dateTime(at) + " (" + Times.duration(incident.declaredAt(), at) + " after declared)";
    }

    private List<DraftModel.AlertRow> alertRows() {
        List<DraftModel.AlertRow> rows = new ArrayList<>();
        for (StoredAlert a : in.alertTable()) {
            boolean firing = a.status() == AlertStatus.FIRING;
            Instant resolved = firing ? null : a.resolvedAt();
            rows.add(new DraftModel.AlertRow(Md.oneLine(a.name()),
                    a.firstFiredAt() == null ? "—" : times.dateTime(a.firstFiredAt()),
                    resolved == null ? (firing ? "still firing" : "—") : times.dateTime(resolved),
                    resolved == null || a.firstFiredAt() == null ? "—" : Times.duration(a.firstFiredAt(), resolved),
                    a.url()));
        }
        return rows;
    }

    private List<DraftModel.ChangeLine> changeLines() {
        List<DraftModel.ChangeLine> lines = new ArrayList<>();
        for (Change c : in.changesBefore()) {
            lines.add(new DraftModel.ChangeLine(times.dateTime(c.at()), Times.duration(c.at(), incident.declaredAt()),
                    c.kind().label(), oneLine(c.service()), oneLine(c.environment()), oneLine(c.author()),
                    Md.oneLine(c.title()), c.url()));
        }
        return lines;
    }

    private static String oneLine(String s) {
        return s == null ? null : Md.oneLine(s);
    }

    private List<DraftModel.FollowUpItem> followUpItems() {
        return FollowUpSection.items(in, text, names, times);
    }

    private List<DraftModel.ChecklistItem> checklistItems() {
        List<DraftModel.ChecklistItem> items = new ArrayList<>();
        for (var e : in.checklist()) {
            String title = Md.inline(Md.oneLine(e.title()));
            String by = e.done() ? names.of(e.doneBy()) : null;
            String at = e.done() ? times.dateTime(e.doneAt()) : null;
            items.add(new DraftModel.ChecklistItem(Md.inline(Md.oneLine(e.checklist())), title, e.required(), e.done(), by, at,
                    "| " + Md.cell((e.done() ? "[x] " : "[ ] ") + title + (e.required() ? " (required)" : "")) + " | "
                            + (by == null ? "—" : Md.cell(by)) + " | " + (at == null ? "—" : at) + " |\n"));
        }
        return items;
    }

    private List<DraftModel.Person> people() {
        Set<String> ids = new LinkedHashSet<>();
        in.participants().stream().map(Participant::userId).forEach(ids::add);
        ids.addAll(scan.messageCounts().keySet());
        List<DraftModel.Person> people = new ArrayList<>();
        for (String id : ids) {
            people.add(new DraftModel.Person(names.of(id), scan.messageCounts().getOrDefault(id, 0)));
        }
        people.sort(Comparator.comparingInt(DraftModel.Person::messages).reversed()
                .thenComparing(DraftModel.Person::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(DraftModel.Person::name));
        return people;
    }

    private DraftModel.Sections sections() {
        StringBuilder alerts = new StringBuilder();
        StringBuilder changes = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        StringBuilder impact = new StringBuilder();
        try {
            new Signals(alerts, times).write(incident, in.alertTable(), List.of());
            new Signals(changes, times).write(incident, List.of(), in.changesBefore());
            new FactSections(summary, in, scan.facts(), text, names, times, multiDay).summary();
            new FactSections(impact, in, scan.facts(), text, names, times, multiDay).impact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DraftModel.Sections(alerts.toString(), changes.toString(), summary.toString(), impact.toString(),
                followUpsBody(), participantsBody(), logIntro(),
                RelatedSection.markdown(RelatedSection.items(in.related(), times, names, text)));
    }

    private String followUpsBody() {
        return FollowUpSection.markdown(followUpItems());
    }

    private String participantsBody() {
        List<DraftModel.Person> people = people();
        if (people.isEmpty()) {
            return "_Nobody was recorded in the incident channel._\n\n";
        }
        StringBuilder s = new StringBuilder();
        for (DraftModel.Person p : people) {
            s.append("- ").append(p.name()).append(" — ").append(p.messages())
                    .append(p.messages() == 1 ? " message\n" : " messages\n");
        }
        return s.append('\n').toString();
    }

    private String logIntro() {
        if (scan.messages() == 0) {
            return "_No messages were recorded in the incident channel._\n";
        }
        return scan.messages() + (scan.messages() == 1 ? " message" : " messages")
                + ", thread replies indented under the message they answer.\n\n";
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
