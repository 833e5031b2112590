package io.incidentbot.postmortem;

import io.incidentbot.incident.Severity;
import io.incidentbot.incident.Status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the timeline picture ({@link TimelineChart}) is drawn from; immutable, so the picture
 * is a pure function of it. Build one from the draft's input with {@link ChartInputBuilder}.
 *
 * @param number     incident number
 * @param title      incident title
 * @param zone       time zone of the time axis ({@code INCIDENT_TIMEZONE})
 * @param from       left end of the time axis
 * @param to         right end of the time axis, after {@code from}
 * @param phases     status phases in time order, each ending where the next starts
 * @param severities the severity at declaration, then each severity change, in time order
 * @param keyEvents  key events numbered 1.. in the order of the draft's timeline of key events
 * @param activity   messages per interval
 * @param alerts     alerts firing, may be empty
 * @param changes    deploys and other changes, may be empty
 * @param severityNames the severities the process file renames (issue 25) as the picture labels them, e.g.
 *                   {@code SEV2 -> SEV2 Major}; empty without a process file (labels {@code SEV2 → SEV1})
 */
public record ChartInput(long number, String title, ZoneId zone, Instant from, Instant to, List<Phase> phases,
                         List<SeverityMark> severities, List<KeyEvent> keyEvents, Activity activity,
                         List<AlertSpan> alerts, List<ChangeMark> changes, java.util.Map<Severity, String> severityNames) {
    /** An input whose severities are labelled by their codes. */
    public ChartInput(long number, String title, ZoneId zone, Instant from, Instant to, List<Phase> phases,
                      List<SeverityMark> severities, List<KeyEvent> keyEvents, Activity activity,
                      List<AlertSpan> alerts, List<ChangeMark> changes) {
        this(number, title, zone, from, to, phases, severities, keyEvents, activity, alerts, changes, java.util.Map.of());
    }

    /** @return the severity as the picture labels it: {@code SEV2 Major} when renamed, else {@code SEV2} */
    public String label(Severity s) {
        return severityNames.getOrDefault(s, s.name());
    }

    public ChartInput {
        severityNames = java.util.Map.copyOf(severityNames);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(activity, "activity");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the time axis must end after it starts: " + from + " to " + to);
        }
        phases = List.copyOf(phases);
        severities = List.copyOf(severities);
        keyEvents = List.copyOf(keyEvents);
        alerts = List.copyOf(alerts);
        changes = List.copyOf(changes);
    }

    /**
     * A span of time the incident had one status.
     *
     * @param status the status
     * @param from   when the status was set
     * @param to     when the next status was set, or the end of the time axis
     */
    public record Phase(Status status, Instant from, Instant to) {
        public Phase {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The severity from a time on: the declared one, or a change.
     *
     * @param severity the severity set
     * @param at       when it was set
     * @param change   false for the severity at declaration, true for a change
     */
    public record SeverityMark(Severity severity, Instant at, boolean change) {
        public SeverityMark {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A key event.
     *
     * @param number its number, 1.., the same as its place in the draft's timeline of key events
     * @param at     its time
     */
    public record KeyEvent(int number, Instant at) {
        public KeyEvent {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Messages per interval: {@code counts[i]} messages were posted in
     * {@code [from + i * bucket, from + (i + 1) * bucket)}.
     *
     * @param from   start of the first interval
     * @param bucket width of each interval, positive
     * @param counts messages per interval
     */
    public record Activity(Instant from, Duration bucket, List<Integer> counts) {
        public Activity {
            Objects.requireNonNull(from, "from");
            if (bucket.isNegative() || bucket.isZero()) {
                throw new IllegalArgumentException("bucket must be positive: " + bucket);
            }
            counts = List.copyOf(counts);
        }

        /** @return the start of interval {@code i} */
        public Instant start(int i) {
            return from.plus(bucket.multipliedBy(i));
        }
    }

    /**
     * An alert's firing interval.
     *
     * @param name  alert name, e.g. {@code OrdersDbDiskFull}
     * @param start when it started firing
     * @param end   when it resolved, null while still firing
     */
    public record AlertSpan(String name, Instant start, Instant end) {
        public AlertSpan {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(start, "start");
        }
    }

    /**
     * A change (deploy, config change) that happened during the incident.
     *
     * @param title what changed, e.g. {@code orders-api v2.31 deployed}
     * @param at    when
     */
    public record ChangeMark(String title, Instant at) {
        public ChangeMark {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(at, "at");
        }
    }
}
