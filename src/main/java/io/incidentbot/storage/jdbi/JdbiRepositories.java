package io.incidentbot.storage.jdbi;

import io.incidentbot.store.EventLog;
import io.incidentbot.store.FollowUpRepository;
import io.incidentbot.store.Leases;
import io.incidentbot.store.IncidentRepository;
import io.incidentbot.store.InsightsRepository;
import io.incidentbot.store.OutboxRepository;
import io.incidentbot.store.ParticipantRepository;
import io.incidentbot.store.PostmortemDeliveryRepository;
import io.incidentbot.store.Repositories;
import io.incidentbot.store.RequestSignatureRepository;
import io.incidentbot.store.ReminderRepository;
import io.incidentbot.store.HomeViewRepository;
import io.incidentbot.store.TimelineRepository;
import io.incidentbot.store.UserNameRepository;
import org.jdbi.v3.core.Handle;

/**
 * The repositories of this package bound to the handle of one open transaction. Their SQL is
 * portable between SQLite and PostgreSQL (upserts with {@code ON CONFLICT}, generated keys through
 * JDBC, booleans as {@code TRUE}/{@code FALSE}, times as integer epoch microseconds), so a storage on
 * another database can bind them too; only the transaction mechanics ({@link JdbiStorage}) differ.
 * The statements run for every Events API event are plain JDBC, prepared once per transaction
 * ({@link PreparedCache}).
 */
public final class JdbiRepositories implements Repositories {
    private final Handle h;
    private final PreparedCache prepared;

    /** @param h the handle, in a transaction the caller commits or rolls back */
    public JdbiRepositories(Handle h) {
        this.h = h;
        this.prepared = PreparedCache.of(h);
    }

    /** @return the transaction's handle */
    public Handle h() {
        return h;
    }

    @Override
    public IncidentRepository incidents() {
        return new JdbiIncidents(h);
    }

    @Override
    public TimelineRepository timeline() {
        return new JdbiTimeline(h, prepared);
    }

    @Override
    public FollowUpRepository followUps() {
        return new JdbiFollowUps(h);
    }

    @Override
    public ParticipantRepository participants() {
        return new JdbiParticipants(h, prepared);
    }

    @Override
    public OutboxRepository outbox() {
        return new JdbiOutbox(h);
    }

    @Override
    public EventLog events() {
        return new JdbiEventLog(h, prepared);
    }

    @Override
    public UserNameRepository userNames() {
        return new JdbiUserNames(h);
    }

    @Override
    public io.incidentbot.store.AlertRepository alerts() {
        return new JdbiAlerts(h);
    }

    @Override
    public io.incidentbot.store.ChangeRepository changes() {
        return new JdbiChanges(h);
    }

    @Override
    public PostmortemDeliveryRepository postmortems() {
        return new JdbiPostmortemDeliveries(h);
    }

    @Override
    public InsightsRepository insights() {
        return new JdbiInsights(h);
    }

    @Override
    public Leases leases() {
        return new JdbiLeases(h);
    }

    @Override
    public RequestSignatureRepository requestSignatures() {
        return new JdbiRequestSignatures(h);
    }

    @Override
    public ReminderRepository reminders() {
        return new JdbiReminders(h);
    }

    @Override
    public HomeViewRepository homeViews() {
        return new JdbiHomeViews(h);
    }

    @Override
    public io.incidentbot.store.PageRepository pages() {
        return new JdbiPages(h);
    }

    @Override
    public io.incidentbot.store.EscalationRepository escalations() {
        return new JdbiEscalations(h);
    }

    @Override
    public io.incidentbot.store.TrackerRepository trackers() {
        return new JdbiTrackers(h);
    }

    @Override
    public io.incidentbot.store.StatusPageRepository statusPage() {
        return new JdbiStatusPages(h);
    }

    @Override
    public io.incidentbot.store.ProcessRepository process() {
        return new JdbiProcess(h);
    }

    @Override
    public io.incidentbot.store.ChecklistRepository checklists() {
        return new JdbiChecklists(h);
    }
}
