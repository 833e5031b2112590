package io.incidentbot.store;

import io.incidentbot.insights.IncidentTimes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small aggregate reads for incident insights: stored milestones, never whole timelines. */
public interface InsightsRepository {
    /** @return incidents declared in {@code [from, to]}, oldest first */
    List<IncidentTimes> declaredIn(Instant from, Instant to);

    /** @return open incidents of any age, longest open (earliest declared) first, at most {@code limit} */
    List<IncidentTimes> longestOpen(int limit);

    /**
     * @return follow-ups recorded for incidents declared in {@code [from, to]}, per owner's Slack user ID
     *         (the null key counts those without an owner)
     */
    Map<String, Integer> followUpsByOwner(Instant from, Instant to);
}
