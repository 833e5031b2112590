package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;
import io.incidentbot.postmortem.ChartInput.AlertSpan;
import io.incidentbot.postmortem.ChartInput.ChangeMark;
import io.incidentbot.postmortem.ChartInput.KeyEvent;
import io.incidentbot.postmortem.ChartInput.Phase;
import io.incidentbot.postmortem.ChartInput.SeverityMark;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a {@link ChartInput} from what the draft is made of, in one pass over the timeline.
 *
 * <ul>
 *   <li>phases: investigating from the declaration, then each status change entry
 *       ({@code Status identified → monitoring}), resolved entry and reopened entry; when the
 *       timeline records none, the incident's identified, mitigated and resolved times;</li>
 *   <li>severities: the one in the declared entry ({@code Declared SEV2: ...}), then each severity
 *       change entry ({@code Severity SEV2 → SEV1});</li>
 *   <li>key events: numbered in the order of the draft's timeline of key events (see
 *       {@link KeyEvents#isKeyEvent});</li>
 *   <li>activity: messages that are not deleted, thread replies included, counted per interval
 *       ({@link ActivityHistogram}); entries themselves are not kept;</li>
 *   <li>time axis: from the declaration (or an earlier entry) to the resolution (or a later entry).</li>
 * </ul>
 */
public final class ChartInputBuilder {
    private static final Pattern STATUS_TO = Pattern.compile("→\\s*([a-z]+)\\s*$");
    static final Pattern DECLARED_SEV = Pattern.compile("\\b(SEV[1-4])\\b");
    static final Pattern SEV_CHANGE = Pattern.compile("(SEV[1-4])\\s*→\\s*(SEV[1-4])");

    private final Incident incident;
    private final ActivityHistogram activity = new ActivityHistogram();
    private final List<Phase> phases = new ArrayList<>();
    private final List<SeverityMark> severities = new ArrayList<>();
    private final List<KeyEvent> keyEvents = new ArrayList<>();
    private Status status = Status.INVESTIGATING;
    private Instant statusSince;
    private boolean statusRecorded;
    private Severity declaredSeverity;
    private Instant first;
    private Instant last;

    private ChartInputBuilder(Incident incident) {
        this.incident = incident;
        this.statusSince = incident.declaredAt();
    }

    /**
     * The picture's input for the draft's input, with the input's alerts and no changes.
     *
     * @param in the postmortem draft's input; its timeline is read once
     * @return the chart input, time axis in {@code in.zone()}
     */
    public static ChartInput of(PostmortemInput in) {
        return of(in, in.alerts(), List.of());
    }

    /**
     * The picture's input for the draft's input, with the alerts that fired and the changes made.
     *
     * @param in      the postmortem draft's input; its timeline is read once
     * @param alerts  alert firing intervals (end null while firing)
     * @param changes deploys and other changes
     * @return the chart input, its time axis widened to show every alert start and change
     */
    public static ChartInput of(PostmortemInput in, List<AlertSpan> alerts, List<ChangeMark> changes) {
        ChartInputBuilder b = new ChartInputBuilder(in.incident());
        b.activity.startAt(in.incident().declaredAt());
        if (in.incident().resolvedAt() != null) {
            b.activity.reach(in.incident().resolvedAt());
        }
        in.entries().forEach(b::add);
        alerts.forEach(a -> {
            b.widen(a.start());
            b.widen(a.end());
        });
        changes.forEach(c -> b.widen(c.at()));
        return b.build(in, alerts, changes);
    }

    private void add(TimelineEntry e) {
        if (e.deleted()) {
            return;
        }
        widen(e.at());
        if (KeyEvents.isKeyEvent(e)) {
            keyEvents.add(new KeyEvent(keyEvents.size() + 1, e.at()));
        }
        switch (e.kind()) {
            case MESSAGE -> activity.add(e.at());
            case DECLARED -> declaredSeverity = match(DECLARED_SEV, e.text(), 1).flatMap(Severity::parse).orElse(null);
            case STATUS_CHANGE, REOPENED -> match(STATUS_TO, e.text(), 1).flatMap(Status::parse)
                    .ifPresent(s -> status(s, e.at()));
            case RESOLVED -> status(Status.RESOLVED, e.at());
            case SEVERITY_CHANGE -> {
                Matcher m = e.text() == null ? null : SEV_CHANGE.matcher(e.text());
                if (m != null && m.find()) {
                    if (severities.isEmpty() && declaredSeverity == null) {
                        declaredSeverity = Severity.parse(m.group(1)).orElseThrow();
                    }
                    severities.add(new SeverityMark(Severity.parse(m.group(2)).orElseThrow(), e.at(), true));
                }
            }
            default -> {
            }
        }
    }

    private void status(Status to, Instant at) {
        statusRecorded = true;
        if (to == status) {
            return;
        }
        if (at.isAfter(statusSince)) {
            phases.add(new Phase(status, statusSince, at));
        }
        status = to;
        statusSince = at;
    }

    private void widen(Instant at) {
        if (at == null) {
            return;
        }
        first = first == null || at.isBefore(first) ? at : first;
        last = last == null || at.isAfter(last) ? at : last;
    }

    private ChartInput build(PostmortemInput in, List<AlertSpan> alerts, List<ChangeMark> changes) {
        widen(incident.declaredAt());
        widen(incident.resolvedAt());
        Instant to = last.isAfter(first) ? last : first.plus(Duration.ofMinutes(1));
        if (!statusRecorded) {
            milestones();
        }
        if (!to.isBefore(statusSince)) {
            phases.add(new Phase(status, statusSince, to)); // may be empty: resolved at the last entry
        }
        List<SeverityMark> marks = new ArrayList<>();
        Severity initial = declaredSeverity != null ? declaredSeverity : incident.severity();
        marks.add(new SeverityMark(initial, incident.declaredAt(), false));
        marks.addAll(severities);
        java.util.Map<Severity, String> named = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            if (!in.severityName(s).equals(s.name())) {
                named.put(s, in.severityName(s));
            }
        }
        return new ChartInput(incident.number(), incident.title(), in.zone(), first, to, phases, marks, keyEvents,
                activity.result(first), alerts, changes, named);
    }

    /** Phases from the incident's own times, for a timeline without status entries. */
    private void milestones() {
        if (incident.identifiedAt() != null) {
            status(Status.IDENTIFIED, incident.identifiedAt());
        }
        Instant mitigated = io.incidentbot.insights.IncidentTimes.mitigatedSeparately(incident.mitigatedAt(),
                incident.resolvedAt());
        if (mitigated != null) {
            status(Status.MONITORING, mitigated);
        }
        if (incident.resolvedAt() != null) {
            status(Status.RESOLVED, incident.resolvedAt());
        }
    }

    private static Optional<String> match(Pattern p, String text, int group) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = p.matcher(text);
        return m.find() ? Optional.of(m.group(group)) : Optional.empty();
    }
}
