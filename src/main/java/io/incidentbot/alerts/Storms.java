package io.incidentbot.alerts;

import io.incidentbot.incident.Incident;
import io.incidentbot.store.AlertRepository;
import io.incidentbot.store.AlertRepository.Group;
import io.incidentbot.store.Repositories;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The storm caps of {@link AlertService} (issue 24: 150 critical groups made 150 incident channels, 1,500
 * warning groups 1,501 posts), decided inside the notification's unit of work:
 * <ul>
 *   <li>past {@code INCIDENT_ALERT_DECLARE_MAX} incidents declared by alert groups within its window, a group
 *       that would declare is attached to the most recent such incident while it is open (else one more is
 *       declared, which the next groups join), and listed in the storm digest;</li>
 *   <li>past {@code INCIDENT_ALERT_POST_MAX} groups given a message of their own in the alerts channel within
 *       its window, a new group is listed in the storm digest, one message updated in place.</li>
 * </ul>
 */
final class Storms {
    private final AlertCaps caps;

    Storms(AlertCaps caps) {
        this.caps = caps;
    }

    /**
     * @param bot the bot's user ID (the declarer of alert-declared incidents)
     * @return the open incident to attach a declaring group to, or empty to declare as usual
     */
    OptionalLong stormIncident(Repositories r, String bot, Instant now) {
        AlertCaps.Cap cap = caps.declare();
        if (!cap.on() || r.alerts().declaredSince(bot, now.minus(cap.window())) < cap.max()) {
            return OptionalLong.empty();
        }
        OptionalLong latest = r.alerts().latestDeclared(bot);
        if (latest.isPresent() && r.incidents().find(latest.getAsLong()).map(Incident::isOpen).orElse(false)) {
            return latest;
        }
        return OptionalLong.empty();
    }

    /** Lists the group in the current storm digest (a new one when none is running). */
    void joinDigest(AlertRepository alerts, long groupId, Instant now) {
        alerts.joinDigest(groupId, now, now.minus(window()));
    }

    /**
     * Decides, once per storm, whether a group shown in the alerts channel gets a message of its own or a line in
     * the storm digest: a group with a message keeps it; one in a digest joined within the window stays there.
     */
    void capPosts(AlertRepository alerts, Group g, Instant now) {
        if (g.shownAt() != null) {
            return;
        }
        Instant since = now.minus(window());
        if (g.digestOf() != null && !g.digestAt().isBefore(since)) {
            return;
        }
        AlertCaps.Cap cap = caps.post();
        if (cap.on() && alerts.shownSince(since) >= cap.max()) {
            alerts.joinDigest(g.id(), now, since);
        } else {
            alerts.shown(g.id(), now);
        }
    }

    private java.time.Duration window() {
        return caps.post().on() ? caps.post().window() : caps.declare().window();
    }
}
