package io.incidentbot.trackers.seen.draft;

import io.incidentbot.incident.Incident;
import io.incidentbot.postmortem.RelatedIncidents;
import io.incidentbot.store.Repositories;
import io.incidentbot.trackers.FollowUpRecord;
import io.incidentbot.trackers.TrackerLink;
import io.incidentbot.trackers.seen.PastIncident;
import io.incidentbot.trackers.seen.SeenBefore;
import io.incidentbot.trackers.seen.SeenBeforeSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The postmortem draft's Related incidents (issue 22): the same earlier incidents "seen before" posts on declare
 * ({@link SeenBefore}, the draft's channel as audience, so a private incident is never listed where its members
 * may not read it), each with all its follow-ups and their state and tracker links.
 */
public final class SeenBeforeRelated implements RelatedIncidents {
    private final SeenBeforeSource source;

    /** @param source reads what is compared */
    public SeenBeforeRelated(SeenBeforeSource source) {
        this.source = source;
    }

    @Override
    public List<Related> find(Repositories r, Incident incident) {
        List<Related> related = new ArrayList<>();
        for (SeenBefore.Match m : new SeenBefore().suggest(source.probe(r, incident), source.audience(r, incident),
                source.past(r, incident))) {
            PastIncident p = m.incident();
            List<FollowUpState> followUps = new ArrayList<>();
            for (FollowUpRecord f : r.trackers().list(p.number())) {
                TrackerLink link = f.link() != null && f.link().status() == TrackerLink.Status.CREATED ? f.link() : null;
                followUps.add(new FollowUpState(f.text(), f.state().word(), f.ownerId(), f.due(),
                        link == null ? null : link.key(), link == null ? null : link.url()));
            }
            related.add(new Related(p.number(), p.title(), p.severity(), p.declaredAt(), p.resolvedAt(),
                    m.reason().words(), p.postmortemUrl(), followUps));
        }
        return related;
    }
}
