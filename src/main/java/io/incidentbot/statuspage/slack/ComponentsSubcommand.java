package io.incidentbot.statuspage.slack;

import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.render.UserText;
import io.incidentbot.statuspage.StatusPageService;

import java.util.List;

/** {@code /incident components add|remove|list}, anywhere: {@link ComponentsCommand}'s answer, ephemeral. */
public final class ComponentsSubcommand implements Subcommand {
    private final ComponentsCommand command;

    /** @param statusPage the status page's use cases */
    public ComponentsSubcommand(StatusPageService statusPage) {
        this.command = new ComponentsCommand(statusPage);
    }

    @Override
    public String name() {
        return "components";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("components add <Name|Group/Name>", "add a component to the status page"),
                new Usage("components remove <Name>", "remove a component from the status page"),
                new Usage("components list", "list the status page's components and their states"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        // Slack escapes &, < and > in slash command text: a component is named as typed ("Billing & Invoices")
        return Reply.say(UserText.inert(command.run(UserText.plain(rest))));
    }
}
