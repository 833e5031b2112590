package io.incidentbot.postmortem;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Severity;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The facts the draft pre-fills (Summary, Impact, Response metrics), gathered from the same single
 * pass over the timeline as {@link TimelineScan}, in bounded memory: one entry (the last status
 * update), the responders' user IDs, and at most {@value #MAX_SEVERITY_CHANGES} severity changes.
 * Deleted entries are never given to it.
 */
final class ResponseFacts {
    /** Severity changes kept for the Impact line; more are counted, not kept. */
    static final int MAX_SEVERITY_CHANGES = 10;

    /**
     * A severity change.
     *
     * @param from severity before
     * @param to   severity after
     * @param at   when
     */
    record SeverityChange(Severity from, Severity to, Instant at) {
    }

    private final Instant declaredAt;
    private final Set<String> responders = new HashSet<>();
    private final List<SeverityChange> severityChanges = new ArrayList<>();
    private int severityChangeCount;
    private Severity declaredSeverity;
    private TimelineEntry firstResponse;
    private TimelineEntry lastStatusUpdate;
    private Instant firstStatusUpdate;
    private int statusUpdates;
    private Duration longestGap;
    private Instant gapFrom;
    private Instant gapTo;

    ResponseFacts(Incident incident) {
        this.declaredAt = incident.declaredAt();
    }

    /** Takes one entry that is not deleted, in timeline order. */
    void add(TimelineEntry e) {
        if (e.userId() != null) {
            responders.add(e.userId());
        }
        switch (e.kind()) {
            case MESSAGE -> {
                if (firstResponse == null && !e.at().isBefore(declaredAt)) {
                    firstResponse = e;
                }
            }
            case DECLARED -> {
                Matcher m = e.text() == null ? null : ChartInputBuilder.DECLARED_SEV.matcher(e.text());
                if (m != null && m.find()) {
                    declaredSeverity = Severity.parse(m.group(1)).orElse(null);
                }
            }
            case SEVERITY_CHANGE -> severityChange(e);
            case STATUS_UPDATE -> statusUpdate(e);
            default -> {
            }
        }
    }

    private void severityChange(TimelineEntry e) {
        Matcher m = e.text() == null ? null : ChartInputBuilder.SEV_CHANGE.matcher(e.text());
        if (m == null || !m.find()) {
            return;
        }
        Severity from = Severity.parse(m.group(1)).orElseThrow();
        if (severityChangeCount == 0 && declaredSeverity == null) {
            declaredSeverity = from;
        }
        severityChangeCount++;
        if (severityChanges.size() < MAX_SEVERITY_CHANGES) {
            severityChanges.add(new SeverityChange(from, Severity.parse(m.group(2)).orElseThrow(), e.at()));
        }
    }

    private void statusUpdate(TimelineEntry e) {
        statusUpdates++;
        if (lastStatusUpdate == null) {
            firstStatusUpdate = e.at();
        } else {
            Duration gap = Duration.between(lastStatusUpdate.at(), e.at());
            if (longestGap == null || gap.compareTo(longestGap) > 0) {
                longestGap = gap;
                gapFrom = lastStatusUpdate.at();
                gapTo = e.at();
            }
        }
        lastStatusUpdate = e;
    }

    /** @return the first message at or after the declaration, or null */
    TimelineEntry firstResponse() {
        return firstResponse;
    }

    /** @return how many different people wrote a message or ran an incident command */
    int responders() {
        return responders.size();
    }

    /** @return the severity the incident was declared with, if the timeline says */
    Severity declaredSeverity() {
        return declaredSeverity;
    }

    /** @return the first {@value #MAX_SEVERITY_CHANGES} severity changes, in time order */
    List<SeverityChange> severityChanges() {
        return severityChanges;
    }

    /** @return how many severity changes there were in all */
    int severityChangeCount() {
        return severityChangeCount;
    }

    /** @return the latest status update entry, or null */
    TimelineEntry lastStatusUpdate() {
        return lastStatusUpdate;
    }

    /** @return when the first status update was posted, or null */
    Instant firstStatusUpdate() {
        return firstStatusUpdate;
    }

    /** @return number of status updates */
    int statusUpdates() {
        return statusUpdates;
    }

    /** @return the longest time between two consecutive status updates, null with fewer than two */
    Duration longestGap() {
        return longestGap;
    }

    /** @return the update that starts the longest gap, or null */
    Instant gapFrom() {
        return gapFrom;
    }

    /** @return the update that ends the longest gap, or null */
    Instant gapTo() {
        return gapTo;
    }
}
