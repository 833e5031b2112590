package io.incidentbot.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The changes around one incident, as {@code /incident changes} shows them.
 *
 * @param incident    incident number
 * @param declaredAt  when the incident was declared
 * @param window      {@code INCIDENT_CHANGE_WINDOW}
 * @param before      the most recent changes in [declared - window, declared], most recent first (at most {@link #SHOWN})
 * @param beforeTotal how many changes that window holds
 * @param during      the most recent changes after declared (to resolved, or now), most recent first (at most {@link #SHOWN})
 * @param duringTotal how many changes happened during the incident
 */
public record ChangeReport(long incident, Instant declaredAt, Duration window, List<Change> before, long beforeTotal,
                          List<Change> during, long duringTotal) {
    /** Most changes listed per part; the rest are counted. */
    public static final int SHOWN = 10;

    public ChangeReport {
        before = List.copyOf(before);
        during = List.copyOf(during);
    }
}
