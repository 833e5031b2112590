package io.incidentbot.store;


/** The repositories bound to one transaction. */
public interface Repositories {
    IncidentRepository incidents();

    TimelineRepository timeline();

    FollowUpRepository followUps();

    ParticipantRepository participants();

    OutboxRepository outbox();

    EventLog events();

    UserNameRepository userNames();

    /** @return alert groups, alerts and their transitions (issue 12) */
    AlertRepository alerts();

    /** @return changes and GitHub deliveries (issue 12) */
    ChangeRepository changes();

    PostmortemDeliveryRepository postmortems();

    InsightsRepository insights();

    /** @return named leases for work that runs on one replica at a time ({@link Leader}) */
    Leases leases();

    /** @return the signatures of Slack requests accepted lately (replay protection) */
    RequestSignatureRepository requestSignatures();

    /** @return reminder due times (issue 10) */
    ReminderRepository reminders();

    /** @return App Home tab publishing state (issue 10) */
    HomeViewRepository homeViews();

    /** @return pages per incident and pager, and pager webhook events applied (issue 21) */
    PageRepository pages();

    /** @return the next Slack escalation step due per incident (issue 21) */
    EscalationRepository escalations();

    /** @return follow-ups as records and their tracker issues (issue 22) */
    TrackerRepository trackers();

    /** @return the public status page's components, published incidents and maintenances (issue 23) */
    StatusPageRepository statusPage();

    /** @return each incident's type and custom field values (issue 25) */
    ProcessRepository process();

    /** @return each incident's due checklist items and its checklist message (issue 25) */
    ChecklistRepository checklists();
}
