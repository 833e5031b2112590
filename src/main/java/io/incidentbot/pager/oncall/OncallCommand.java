package io.incidentbot.pager.oncall;

import io.incidentbot.slack.commands.Subcommand;

import java.time.Clock;
import java.util.List;

/**
 * {@code /incident oncall}, anywhere: who is on call now and next for each rotation of the on-call file
 * ({@code INCIDENT_ONCALL_FILE}, {@link OncallText}); without a file it says so.
 */
public final class OncallCommand implements Subcommand {
    private final OncallPolicy policy;
    private final Clock clock;

    /**
     * @param policy the on-call file, or null when none is set
     * @param clock  the current time
     */
    public OncallCommand(OncallPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "oncall";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage("oncall", "who is on call now and next, per rotation"));
    }

    @Override
    public boolean channelScoped() {
        return false;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        return Reply.say(OncallText.render(policy, clock.instant()));
    }
}
