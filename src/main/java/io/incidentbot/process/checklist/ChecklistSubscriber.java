package io.incidentbot.process.checklist;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.outbox.Payloads;
import io.incidentbot.process.IncidentType;
import io.incidentbot.process.Process;
import io.incidentbot.store.Repositories;

import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checklist subscriber (issue 25): after any change to an incident (declared, severity, status, a field, a role),
 * just before the change commits, it stores the items of the incident's type that have become due
 * ({@link ChecklistRules}, once each: a second replica's or a retried transaction's insert changes nothing), each
 * with a timeline entry ({@code Checklist: <title> is due}, by nobody) and, when
 * one did or the role holders the message names changed, queues a {@value #SHOW} job in the same transaction: the
 * incident's one checklist message is posted, or updated in place, showing what is due then (its delivery reads the
 * stored state, so the last job shows the latest). Waiting for the commit matters: a typed declare stores the type and
 * fields after the {@link IncidentEvent.Declared} is recorded.
 */
public final class ChecklistSubscriber implements IncidentSubscriber {
    /** The subscriber's name in the outbox. */
    public static final String NAME = "checklist";
    /** The job kind that posts or updates the checklist message. */
    public static final String SHOW = "show";

    /**
     * The payload of a {@value #SHOW} job: the message is rendered from storage when delivered.
     *
     * @param incident the incident number
     * @param again    true to post the checklist as a fresh message at the bottom of the channel (which is then the
     *                 one kept up to date) rather than update the one posted
     */
    public record Show(long incident, boolean again) {
    }

    private final Process process;
    private final Map<UnitOfWork, Map<Long, Boolean>> pending = new ConcurrentHashMap<>();

    /** @param process the team's process */
    public ChecklistSubscriber(Process process) {
        this.process = process;
    }

    @Override
    public void on(UnitOfWork work, IncidentEvent event) {
        if (event.incident() <= 0) {
            return;
        }
        pending.computeIfAbsent(work, w -> {
            w.beforeCommit(() -> flush(w));
            w.afterRollback(() -> pending.remove(w));
            return new ConcurrentHashMap<>();
        }).merge(event.incident(), event instanceof IncidentEvent.RoleAssigned, Boolean::logicalOr);
    }

    /** @return how many units of work have incidents gathered and not yet checked (for tests) */
    int gathering() {
        return pending.size();
    }

    private void flush(UnitOfWork work) {
        Map<Long, Boolean> incidents = pending.remove(work);
        if (incidents != null) {
            incidents.forEach((n, roles) -> dueNow(work, n, roles));
        }
    }

    private void dueNow(UnitOfWork work, long n, boolean rolesChanged) {
        Repositories r = work.repositories();
        Optional<Incident> incident = r.incidents().find(n);
        IncidentType type = r.process().type(n).flatMap(process::type).orElseGet(process::defaultType);
        if (incident.isEmpty() || type.checklist().isEmpty()) {
            return;
        }
        boolean added = false;
        for (int item : ChecklistRules.due(type, incident.get(), r.process().fields(n))) {
            if (r.checklists().addDue(ChecklistEntry.due(n, item, type.checklist().get(item), work.now()))) {
                r.timeline().add(new TimelineEntry(0, n, EntryKind.NOTE, work.now(), null, null, null, "Checklist: "
                        + TimelineEntry.literal(type.checklist().get(item).title()) + " is due", null, false, false, List.of()));
                added = true;
            }
        }
        if (added || (rolesChanged && !r.checklists().list(n).isEmpty())) {
            show(work, n, false);
        }
    }

    /** Queues a {@value #SHOW} job of incident {@code n} in {@code work}'s transaction ({@link Show#again}). */
    static void show(UnitOfWork work, long n, boolean again) {
        work.repositories().outbox().enqueue(n, NAME, SHOW, Payloads.write(new Show(n, again)), work.now());
    }
}
