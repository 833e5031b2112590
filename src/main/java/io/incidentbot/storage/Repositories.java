package io.incidentbot.storage;

import io.incidentbot.incident.FollowUpRepository;
import io.incidentbot.incident.IncidentRepository;
import io.incidentbot.incident.ParticipantRepository;
import io.incidentbot.incident.UserNameRepository;
import io.incidentbot.outbox.OutboxRepository;
import io.incidentbot.timeline.EventLog;
import io.incidentbot.timeline.TimelineRepository;

/** The repositories bound to one transaction. */
public interface Repositories {
    IncidentRepository incidents();

    TimelineRepository timeline();

    FollowUpRepository followUps();

    ParticipantRepository participants();

    OutboxRepository outbox();

    EventLog events();

    UserNameRepository userNames();
}
