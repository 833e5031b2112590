package io.incidentbot.statuspage.slack;

import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.statuspage.StatusPageService;

import java.time.Clock;
import java.util.List;

/** {@code /incident maintenance}, anywhere: opens the {@link MaintenanceModal} (components, start, end, message). */
public final class MaintenanceCommand implements Subcommand {
    private final StatusPageService statusPage;
    private final Clock clock;

    /**
     * @param statusPage the status page's use cases
     * @param clock      pre-fills the start with the next hour
     */
    public MaintenanceCommand(StatusPageService statusPage, Clock clock) {
        this.statusPage = statusPage;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "maintenance";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("maintenance", "schedule a maintenance window on the status page"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        return Reply.open(MaintenanceModal.build(statusPage.components(), clock.instant()));
    }
}
