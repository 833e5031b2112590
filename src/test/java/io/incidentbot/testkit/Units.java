package io.incidentbot.testkit;

import io.incidentbot.incident.Transactions;
import io.incidentbot.slack.jobs.SlackSubscriber;
import io.incidentbot.store.Storage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Units of work wired as the bot wires them, for tests that run use cases without a whole bot. */
public final class Units {
    private Units() {
    }

    /**
     * @param announce true as with {@code INCIDENT_ANNOUNCE_CHANNEL} set
     * @return units of work whose events reach the Slack subscriber (24 h change window)
     */
    public static Transactions slack(Storage storage, Clock clock, boolean announce) {
        return new Transactions(storage, List.of(new SlackSubscriber(announce, Duration.ofHours(24))), clock);
    }
}
