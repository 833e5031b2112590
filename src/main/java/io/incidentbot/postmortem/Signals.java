package io.incidentbot.postmortem;

import io.incidentbot.alerts.AlertStatus;
import io.incidentbot.changes.Change;
import io.incidentbot.incident.Incident;
import io.incidentbot.store.AlertRepository.StoredAlert;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The draft's two signal sections after the summary table (issue 12): <b>Alerts</b>, a table of the
 * alerts of the group that declared the incident (name, first fired, resolved, duration, link), and
 * <b>Changes before the incident</b>, most recent first, each timed relative to the declare
 * ("2 h 14 min before"). A section with nothing in it is left out.
 */
final class Signals {
    /** Most changes listed. */
    static final int MAX_CHANGES = 50;

    private final Appendable out;
    private final Times times;

    Signals(Appendable out, Times times) {
        this.out = out;
        this.times = times;
    }

    void write(Incident incident, List<StoredAlert> alerts, List<Change> changes) throws IOException {
        if (!alerts.isEmpty()) {
            out.append("## Alerts\n\n| Alert | First fired | Resolved | Duration | Link |\n|---|---|---|---|---|\n");
            for (StoredAlert a : alerts) {
                boolean firing = a.status() == AlertStatus.FIRING;
                Instant resolved = firing ? null : a.resolvedAt();
                out.append("| ").append(Md.cell(a.name()))
                        .append(" | ").append(Md.cell(a.firstFiredAt() == null ? "—" : times.dateTime(a.firstFiredAt())))
                        .append(" | ").append(Md.cell(resolved == null ? (firing ? "still firing" : "—") : times.dateTime(resolved)))
                        .append(" | ").append(Md.cell(resolved == null || a.firstFiredAt() == null ? "—"
                                : Times.duration(a.firstFiredAt(), resolved)))
                        .append(" | ").append(a.url() == null ? "" : Md.cell(Md.link("link", a.url()))).append(" |\n");
            }
            out.append('\n');
        }
        if (!changes.isEmpty()) {
            out.append("## Changes before the incident\n\n");
            for (Change c : changes) {
                StringBuilder line = new StringBuilder("- ").append(times.dateTime(c.at())).append(" (")
                        .append(Times.duration(c.at(), incident.declaredAt())).append(" before): **")
                        .append(c.kind().label()).append("**");
                if (c.service() != null) {
                    line.append(' ').append(Md.oneLine(c.service()));
                }
                if (c.environment() != null) {
                    line.append(" (").append(Md.oneLine(c.environment())).append(')');
                }
                if (c.author() != null) {
                    line.append(" by ").append(Md.oneLine(c.author()));
                }
                line.append(" — ").append(Md.oneLine(c.title()));
                if (c.url() != null) {
                    line.append(" (").append(Md.link("link", c.url())).append(')');
                }
                out.append(line).append('\n');
            }
            out.append('\n');
        }
    }
}
