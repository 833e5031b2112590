package io.incidentbot.process.slack;

import io.incidentbot.process.ProcessService;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.render.Messages;

import java.util.List;

/**
 * {@code /incident field <name> <value>} in an incident channel: sets one custom field of the incident's type
 * ({@link ProcessService#setField}, a timeline entry echoed in the channel); a wrong name or value is answered with
 * what the field takes, and nothing changes. Registered when a process file is set.
 */
public final class FieldCommand implements Subcommand {
    static final String USAGE = "Usage: `/incident field <name> <value>`, e.g. `/incident field customer_impact all`";
    private final ProcessService process;

    /** @param process the process use cases */
    public FieldCommand(ProcessService process) {
        this.process = process;
    }

    @Override
    public String name() {
        return "field";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("field <name> <value>", "set a custom field of this incident (a timeline entry)"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        String[] parts = rest.split("\\s+", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
            return Reply.say(USAGE);
        }
        try {
            return Reply.say(process.setField(in.channelId(), parts[0].toLowerCase(java.util.Locale.ROOT), parts[1], in.userId()));
        } catch (IllegalArgumentException e) {
            return Reply.say(Messages.escape(e.getMessage()) + " Nothing was changed.");
        }
    }
}
