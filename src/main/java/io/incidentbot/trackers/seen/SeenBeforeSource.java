package io.incidentbot.trackers.seen;

import io.incidentbot.changes.Change;
import io.incidentbot.incident.Incident;
import io.incidentbot.incident.Participant;
import io.incidentbot.store.AlertRepository;
import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpFigures;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.FollowUpState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@link SeenBefore} compares from storage, in the caller's transaction: for an incident, its alert
 * group key, its alerts as {@code alertname|service} (the service from the group key's {@code service="..."}
 * label, Alertmanager's {@code group_by}), the services changed in the change window before it, its members
 * (participants) and its follow-ups still open.
 */
public final class SeenBeforeSource {
    /** Most past incidents compared (the most recent ones). */
    public static final int MAX_PAST = 500;
    /** What the Slack adapter records the link of an incident's last uploaded postmortem draft as. */
    public static final String POSTMORTEM = "postmortem";
    private static final Pattern SERVICE = Pattern.compile("service=\"([^\"]*)\"");

    private final Duration changeWindow;

    /** @param changeWindow {@code INCIDENT_CHANGE_WINDOW}: how far before an incident changes count */
    public SeenBeforeSource(Duration changeWindow) {
        this.changeWindow = changeWindow;
    }

    /** @return the new incident as a probe */
    public SeenBefore.Probe probe(Repositories r, Incident incident) {
        Facts f = facts(r, incident);
        return new SeenBefore.Probe(incident.number(), incident.title(), incident.summary(), f.groups, f.alerts, f.services);
    }

    /**
     * @return up to {@value #MAX_PAST} incidents declared before {@code incident} (or at the same instant with a lower
     *         number), most recent first, with their facts, channel and postmortem draft link
     */
    public List<PastIncident> past(Repositories r, Incident incident) {
        List<PastIncident> out = new ArrayList<>();
        List<Incident> all = new ArrayList<>(r.incidents().listAll());
        // earlier: declared before it, or at the same instant (a settable clock, an import) with a lower number
        all.removeIf(i -> i.declaredAt().isAfter(incident.declaredAt())
                || i.declaredAt().equals(incident.declaredAt()) && i.number() >= incident.number());
        all.sort(java.util.Comparator.comparing(Incident::declaredAt).thenComparingLong(Incident::number).reversed());
        for (Incident p : all.subList(0, Math.min(MAX_PAST, all.size()))) {
            Facts f = facts(r, p);
            Set<String> members = new HashSet<>();
            for (Participant m : r.participants().list(p.number())) {
                members.add(m.userId());
            }
            List<FollowUpRecord> open = r.trackers().list(p.number()).stream()
                    .filter(x -> x.state() == FollowUpState.OPEN).toList();
            out.add(new PastIncident(p.number(), p.title(), summary(p), p.severity(), p.declaredAt(), p.resolvedAt(),
                    p.privateIncident(), members, f.groups, f.alerts, f.services,
                    r.outbox().lastSent(p.number(), POSTMORTEM).orElse(null), open, p.channelId()));
        }
        return out;
    }

    /**
     * @return who will read suggestions posted in {@code incident}'s channel: a private incident's channel holds its
     *         participants (the bot invites them); a public channel may be read by anyone in the workspace
     */
    public SeenBefore.Audience audience(Repositories r, Incident incident) {
        if (!incident.privateIncident()) {
            return new SeenBefore.Audience(false, Set.of());
        }
        Set<String> members = new HashSet<>();
        for (Participant m : r.participants().list(incident.number())) {
            members.add(m.userId());
        }
        return new SeenBefore.Audience(true, members);
    }

    /**
     * Follow-up figures for {@code /incident stats} and the App Home insights (issue 22).
     *
     * @param numbers the window's incidents
     * @param now     "now", for open follow-ups older than 30 days
     * @param zone    the zone due dates are read in
     * @return their follow-ups' figures, and how many of them repeat an earlier one of the window
     *         ({@link FollowUpFigures#repeats})
     */
    public FollowUpFigures figures(Repositories r, List<Long> numbers, Instant now, java.time.ZoneId zone) {
        return figures(r, numbers, List.of(), now, zone);
    }

    /**
     * As {@link #figures(Repositories, List, Instant, java.time.ZoneId)}, with the incidents of the
     * {@value FollowUpFigures#REPEAT_DAYS} days before the window, which the window's incidents may repeat.
     *
     * @param before the incidents declared in the {@value FollowUpFigures#REPEAT_DAYS} days before the window
     */
    public FollowUpFigures figures(Repositories r, List<Long> numbers, List<Long> before, Instant now,
                                   java.time.ZoneId zone) {
        List<FollowUpRecord> followUps = new ArrayList<>();
        java.util.Map<Long, io.incidentbot.incident.Severity> severities = new java.util.HashMap<>();
        List<PastIncident> incidents = new ArrayList<>();
        for (long n : numbers) {
            r.incidents().find(n).ifPresent(i -> {
                followUps.addAll(r.trackers().list(n));
                severities.put(n, i.severity());
                incidents.add(forRepeats(r, i));
            });
        }
        List<PastIncident> earlier = new ArrayList<>();
        for (long n : before) {
            r.incidents().find(n).ifPresent(i -> earlier.add(forRepeats(r, i)));
        }
        return FollowUpFigures.of(followUps, severities, incidents, earlier, now, zone);
    }

    private PastIncident forRepeats(Repositories r, Incident i) {
        Facts f = facts(r, i);
        return new PastIncident(i.number(), i.title(), summary(i), i.severity(), i.declaredAt(), i.resolvedAt(),
                i.privateIncident(), Set.of(), f.groups, f.alerts, f.services, null, List.of());
    }

    private static String summary(Incident p) {
        return p.resolutionSummary() != null ? p.resolutionSummary() : p.summary();
    }

    private record Facts(Set<String> groups, Set<String> alerts, Set<String> services) {
    }

    private Facts facts(Repositories r, Incident incident) {
        Set<String> groups = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        String service = "";
        for (String key : r.trackers().alertGroupKeys(incident.number())) {
            groups.add(key);
            Matcher m = SERVICE.matcher(key);
            if (m.find()) {
                service = m.group(1);
            }
        }
        for (AlertRepository.StoredAlert a : r.alerts().alertsOfIncident(incident.number())) {
            alerts.add(a.name() + "|" + service);
        }
        Set<String> services = new HashSet<>();
        Instant at = incident.declaredAt();
        for (Change c : r.changes().between(at.minus(changeWindow), at, 200)) {
            if (c.service() != null && !c.service().isBlank()) {
                services.add(c.service());
            }
        }
        return new Facts(groups, alerts, services);
    }
}
