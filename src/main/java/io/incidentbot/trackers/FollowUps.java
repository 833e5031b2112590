package io.incidentbot.trackers;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.Transactions;
import io.incidentbot.incident.UnitOfWork;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up use cases of issue 22 that change a follow-up after it was recorded: closing (done, won't do) and
 * reopening, from Slack or from its tracker issue, and asking for its tracker issue ("Create issue", and
 * {@code retry} of a refused one). Each runs in one {@link Transactions#run} unit of work and records a
 * {@link IncidentEvent.FollowUpStateChanged} for the subscribers: the Slack adapter posts it in the channel while
 * the incident is open, the tracker subscriber sends a change made in Slack to the issue.
 */
public final class FollowUps {
    /** What asking for a tracker issue did. */
    public enum Export {
        /** the create job is queued (first request, or a refused one offered again) */
        QUEUED,
        /** an earlier request is still being created */
        PENDING,
        /** the issue exists already */
        CREATED,
        /** no tracker is configured */
        NO_TRACKER
    }

    /**
     * @param changed  true when the state changed (false: it already had that state, or the change was stale)
     * @param followUp the follow-up after the call
     */
    public record Change(boolean changed, FollowUpRecord followUp) {
    }

    private final Transactions transactions;
    private final TrackerSettings settings;

    /**
     * @param transactions units of work with the subscribers (the bot's)
     * @param settings     the tracker settings (which tracker, if any)
     */
    public FollowUps(Transactions transactions, TrackerSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    /** @return true when a tracker is set up, so a follow-up may get an issue (<em>Create issue</em> is offered) */
    public boolean exports() {
        return settings.provider() != null;
    }

    /** @return the follow-up, empty when there is none with this ID */
    public Optional<FollowUpRecord> find(long followUp) {
        return transactions.storage().read(r -> r.trackers().find(followUp));
    }

    /**
     * Closes or reopens a follow-up from Slack, now.
     *
     * @param followUp the follow-up's ID
     * @param state    done, wont_do or open
     * @param actor    Slack user ID of who did it
     * @return the change, empty when there is no such follow-up
     */
    public Optional<Change> set(long followUp, FollowUpState state, String actor) {
        return transactions.run(w -> w.repositories().trackers().find(followUp)
                .map(f -> apply(w, f, state, actor, w.now(), "slack")));
    }

    /**
     * Applies a state change inside the caller's unit of work: stores it (with who and when, see
     * {@link io.incidentbot.store.TrackerRepository#changeState}), adds a timeline entry while the incident is open,
     * and records the event.
     *
     * @param at     when: {@link UnitOfWork#now()} for Slack, the tracker's time of the change for a tracker's
     * @param source {@code slack} or {@code tracker}
     * @return the change
     */
    public static Change apply(UnitOfWork w, FollowUpRecord f, FollowUpState state, String actor, Instant at, String source) {
        var r = w.repositories();
        if (!r.trackers().changeState(f.id(), state, actor, at, source)) {
            return new Change(false, f);
        }
        Incident incident = r.incidents().find(f.incident()).orElseThrow();
        if (incident.isOpen()) {
            String who = actor != null && actor.contains(":") ? TimelineEntry.literal(actor) : TimelineEntry.userToken(actor);
            String line = switch (state) {
                case DONE -> "Follow-up done (" + who + "): ";
                case WONT_DO -> "Follow-up won't be done (" + who + "): ";
                case OPEN -> "Follow-up reopened (" + who + "): ";
            } + f.text();
            r.timeline().add(new TimelineEntry(0, f.incident(), EntryKind.FOLLOW_UP, w.now(), null, null,
                    actor != null && actor.contains(":") ? null : actor, line, null, false, false, List.of()));
        }
        w.record(new IncidentEvent.FollowUpStateChanged(f.incident(), actor, f.id(), f.text(), state.word(), source, at));
        return new Change(true, r.trackers().find(f.id()).orElseThrow());
    }

    /**
     * Asks for the follow-up's tracker issue ("Create issue"): once per follow-up however often it is pressed and
     * on however many replicas ({@link io.incidentbot.store.TrackerRepository#claimExport}); a refused export is
     * offered again ({@code retry}).
     *
     * @param followUp the follow-up's ID
     * @param actor    Slack user ID of who asked
     * @return what it did, with the follow-up after it; empty when there is no such follow-up
     */
    public Optional<Exported> export(long followUp, String actor) {
        return transactions.run(w -> w.repositories().trackers().find(followUp).map(f -> {
            var trackers = w.repositories().trackers();
            Export what;
            if (settings.provider() == null) {
                what = Export.NO_TRACKER;
            } else if (f.link() == null ? trackers.claimExport(f.id(), settings.provider(), actor, w.now())
                    : f.link().status() == TrackerLink.Status.FAILED && trackers.retryExport(f.id(), actor, w.now())) {
                TrackerSubscriber.queueCreate(w, f.incident(), f.id());
                what = Export.QUEUED;
            } else {
                TrackerLink now = trackers.find(f.id()).orElseThrow().link();
                what = now != null && now.status() == TrackerLink.Status.CREATED ? Export.CREATED : Export.PENDING;
            }
            return new Exported(what, trackers.find(f.id()).orElseThrow());
        }));
    }

    /**
     * @param what     what {@link #export} did
     * @param followUp the follow-up after it
     */
    public record Exported(Export what, FollowUpRecord followUp) {
    }
}
