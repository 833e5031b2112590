package io.incidentbot.process;

import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.incident.IncidentSubscriber;
import io.incidentbot.incident.UnitOfWork;

/**
 * Invites of the {@code default} type for incidents declared without one (issue 25): {@code /incident declare <title>},
 * an alert's declare, the declare shortcut and App Home. Just before such a declare commits, when no type was stored
 * with it, the {@code default} type's {@code invite.users} and {@code invite.usergroups} are recorded as
 * {@link IncidentEvent.Invited} (the Slack adapter invites them once the channel exists). A declare of a type
 * ({@link ProcessService#declare}: the modal, {@code --type}) stores its type and records its own invites, so it is
 * left alone.
 */
public final class TypeInvites implements IncidentSubscriber {
    private final IncidentType standard;

    /** @param process the team's process; its {@code default} type's invites are used */
    public TypeInvites(Process process) {
        this.standard = process.defaultType();
    }

    @Override
    public void on(UnitOfWork work, IncidentEvent event) {
        if (event instanceof IncidentEvent.Declared d
                && (!standard.inviteUsers().isEmpty() || !standard.inviteGroups().isEmpty())) {
            work.beforeCommit(() -> {
                if (work.repositories().process().type(d.incident()).isEmpty()) {
                    work.record(new IncidentEvent.Invited(d.incident(), d.actor(), standard.inviteUsers(),
                            standard.inviteGroups(), work.now()));
                }
            });
        }
    }
}
