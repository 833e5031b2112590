package io.incidentbot.milestones;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentException;
import io.incidentbot.incident.Status;
import io.incidentbot.incident.Transactions;
import io.incidentbot.store.Repositories;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sets or corrects an incident's milestones (issue 25): impact started, identified, mitigated, resolved. The
 * corrected times are the stored ones, so the postmortem draft, {@code /incident stats} and the insights use them
 * as they are. Each change is a timeline entry (kind {@code NOTE}, by the person who made it) naming the old and
 * the new time, also posted in the channel as a note. A correction that breaks the order impact started &le;
 * identified &le; mitigated &le; resolved, or sets a milestone the incident has not reached, is refused whole.
 */
public final class MilestoneCorrections {
    private final Transactions transactions;
    private final DateTimeFormatter shown;

    /** @param transactions runs the correction in a unit of work; times in notes and refusals are in UTC */
    public MilestoneCorrections(Transactions transactions) {
        this(transactions, java.time.ZoneId.of("UTC"));
    }

    /**
     * @param transactions runs the correction in a unit of work
     * @param zone         the zone of the times written in correction notes and refusals ({@code INCIDENT_TIMEZONE}),
     *                     named by its short name, e.g. {@code 2026-03-01 15:54 CET}
     */
    public MilestoneCorrections(Transactions transactions, java.time.ZoneId zone) {
        this.transactions = transactions;
        this.shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", java.util.Locale.ROOT).withZone(zone);
    }

    /** A correction that cannot be applied; the message says why, in plain words. */
    public static final class Refused extends IncidentException {
        private final Milestone milestone;

        Refused(Milestone milestone, String message) {
            super(message);
            this.milestone = milestone;
        }

        /** @return the milestone whose time is refused */
        public Milestone milestone() {
            return milestone;
        }
    }

    /** @return {@link #current(Repositories, Incident)} of incident {@code number}, read in its own transaction */
    public Map<Milestone, Instant> current(long number) {
        return transactions.run(w -> current(w.repositories(), w.repositories().incidents().find(number)
                .orElseThrow(() -> new IncidentException("There is no incident " + number + "."))));
    }

    /**
     * The milestones as stored now.
     *
     * @return each milestone's time, absent when unset (mitigated, when the incident was resolved without a separate
     *         mitigation, is the resolve time, as stored)
     */
    public Map<Milestone, Instant> current(Repositories r, Incident incident) {
        Map<Milestone, Instant> m = new EnumMap<>(Milestone.class);
        r.incidents().impactStarted(incident.number()).ifPresent(at -> m.put(Milestone.IMPACT_STARTED, at));
        put(m, Milestone.IDENTIFIED, incident.identifiedAt());
        put(m, Milestone.MITIGATED, incident.mitigatedAt());
        put(m, Milestone.RESOLVED, incident.resolvedAt());
        return m;
    }

    /**
     * Sets the given milestones of incident {@code number} to the given times (to the minute shown by the pickers:
     * seconds are dropped), leaving the others as they are; a time in the same minute as the stored one is no change
     * and makes no entry.
     *
     * @param times  milestone to its new time; a milestone not in the map is left as it is
     * @param actor  Slack user ID of who corrects them
     * @return the number of milestones changed
     * @throws Refused when the new times break the order or set a milestone the incident has not reached
     */
    public int correct(long number, Map<Milestone, Instant> times, String actor) {
        return transactions.run(w -> {
            Repositories r = w.repositories();
            Incident incident = r.incidents().find(number).orElseThrow(() -> new IncidentException("There is no incident " + number + "."));
            Map<Milestone, Instant> before = current(r, incident);
            Map<Milestone, Instant> after = new EnumMap<>(before);
            times.forEach((m, at) -> {
                // The pickers show minutes and send back what they showed: same minute, no change.
                Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
                Instant old = before.get(m);
                if (old == null || !old.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
                    after.put(m, minute);
                }
            });
            check(incident, before, after);
            List<String> changes = new ArrayList<>();
            for (Milestone m : Milestone.values()) {
                Instant old = before.get(m);
                Instant now = after.get(m);
                if (now != null && !now.equals(old)) {
                    changes.add(m.label() + " " + (old == null ? "unset" : shown.format(old)) + " → " + shown.format(now));
                }
            }
            if (changes.isEmpty()) {
                return 0;
            }
            if (!java.util.Objects.equals(before.get(Milestone.IMPACT_STARTED), after.get(Milestone.IMPACT_STARTED))) {
                r.incidents().setImpactStarted(number, after.get(Milestone.IMPACT_STARTED));
            }
            r.incidents().setStatus(number, incident.status(), after.get(Milestone.IDENTIFIED),
                    after.get(Milestone.MITIGATED), after.get(Milestone.RESOLVED));
            String text = "Corrected " + String.join("; ", changes);
            r.timeline().add(new TimelineEntry(0, number, EntryKind.NOTE, w.now(), null, null, actor, text, null, false,
                    false, List.of()));
            w.record(new IncidentEvent.NoteAdded(number, actor, text, w.now()));
            w.record(new IncidentEvent.MilestonesCorrected(number, actor, w.now()));
            return changes.size();
        });
    }

    private void check(Incident incident, Map<Milestone, Instant> before, Map<Milestone, Instant> after) {
        if (after.get(Milestone.RESOLVED) != null && before.get(Milestone.RESOLVED) == null) {
            throw new Refused(Milestone.RESOLVED, "Incident " + incident.number() + " is not resolved yet: resolve it "
                    + "first, then correct when it was resolved.");
        }
        if (after.get(Milestone.MITIGATED) != null && before.get(Milestone.MITIGATED) == null
                && incident.status() != Status.MONITORING && incident.status() != Status.RESOLVED) {
            throw new Refused(Milestone.MITIGATED, "Incident " + incident.number() + " is not mitigated yet: set its "
                    + "status to monitoring first.");
        }
        Milestone last = null;
        for (Milestone m : Milestone.values()) {
            Instant at = after.get(m);
            if (at == null) {
                continue;
            }
            if (last != null && at.isBefore(after.get(last))) {
                throw new Refused(m, capitalized(m.label()) + " (" + shown.format(at) + ") cannot be before "
                        + last.label() + " (" + shown.format(after.get(last)) + ").");
            }
            last = m;
        }
    }

    private static void put(Map<Milestone, Instant> m, Milestone k, Instant at) {
        if (at != null) {
            m.put(k, at);
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
