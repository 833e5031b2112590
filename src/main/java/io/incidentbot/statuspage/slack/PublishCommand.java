package io.incidentbot.statuspage.slack;

import io.incidentbot.incident.Incident;
import io.incidentbot.incident.IncidentService;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.statuspage.PublicStatus;
import io.incidentbot.statuspage.StatusPageService;

import java.util.List;

/**
 * {@code /incident publish} in an incident channel: opens the {@link PublishModal} pre-filled from the incident
 * (title, status), or, once it is on the page, the form that changes its public status and components with a public
 * update; or says why not: a private incident is never published, and one resolved on the page is not changed. Registered in {@code Routes.standard} when publishing is on.
 */
public final class PublishCommand implements Subcommand {
    /** The answer for a private incident. */
    public static final String PRIVATE = "A private incident cannot be published to the status page: "
            + "its title, channel and updates stay private. Nothing was published.";
    private final IncidentService incidents;
    private final StatusPageService statusPage;

    /**
     * @param incidents  finds the channel's incident
     * @param statusPage the status page's use cases
     */
    public PublishCommand(IncidentService incidents, StatusPageService statusPage) {
        this.incidents = incidents;
        this.statusPage = statusPage;
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("publish", "publish this incident to the status page, or change its public status and components"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Incident incident = incidents.queries().findByChannel(in.channelId()).orElseThrow(
                () -> new io.incidentbot.incident.NotAnIncidentChannelException(name()));
        return refusal(incident, statusPage).map(Reply::say).orElseGet(() -> Reply.open(modal(incident, statusPage)));
    }

    /** @return why {@code incident} cannot be published now, empty when it can */
    static java.util.Optional<String> refusal(Incident incident, StatusPageService statusPage) {
        if (incident.privateIncident()) {
            return java.util.Optional.of(PRIVATE);
        }
        if (!incident.isOpen()) {
            return java.util.Optional.of("Incident " + incident.number() + " is resolved; only open incidents are published.");
        }
        if (statusPage.publishedOf(incident.number()).filter(p -> !p.unresolved()).isPresent()) {
            return java.util.Optional.of("Incident " + incident.number() + " is resolved on the status page already; nothing was changed.");
        }
        return java.util.Optional.empty();
    }

    /** @return the publish modal for {@code incident}, or the update form when it is on the page already */
    static com.slack.api.model.view.View modal(Incident incident, StatusPageService statusPage) {
        return statusPage.publishedOf(incident.number())
                .map(p -> PublishModal.buildUpdate(p, statusPage.components()))
                .orElseGet(() -> PublishModal.build(incident.number(), incident.title(), PublicStatus.of(incident.status()),
                        statusPage.components()));
    }
}
