package io.incidentbot.process.slack;

import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;
import io.incidentbot.process.Process;
import io.incidentbot.slack.commands.Subcommand;
import io.incidentbot.slack.render.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /incident help} and {@code /incident stats} with a process file (issue 25): the usual answer, then what the file
 * calls the four severities (and, for help, the three roles), with their descriptions, so {@code sev2} and {@code lead}
 * in the usage lines and the stats' {@code SEV2} columns can be matched to the team's words.
 */
final class NamedHelp implements Subcommand {
    private final Subcommand help;
    private final String names;

    /**
     * @param help    the standard {@code help} subcommand
     * @param process the team's process
     */
    NamedHelp(Subcommand help, Process process) {
        this(help, names(process));
    }

    private NamedHelp(Subcommand inner, String appended) {
        this.help = inner;
        this.names = appended;
    }

    /**
     * @param stats   the standard {@code stats} subcommand
     * @param process the team's process
     * @return {@code stats} answering with a last line naming the severities the file renames
     *         ({@code SEV1 is Critical · SEV2 is Major · ...}); {@code stats} itself when it renames none
     */
    static Subcommand stats(Subcommand stats, Process process) {
        String legend = TypeExtras.names(process).legend();
        return legend == null ? stats : new NamedHelp(stats, legend);
    }

    /**
     * @return the lines naming severities and roles (Slack mrkdwn, the file's text escaped), e.g.
     *         {@code *Severities:* `sev1` Critical — Customers cannot use the product; ...}
     */
    static String names(Process process) {
        List<String> severities = new ArrayList<>();
        for (Severity s : Severity.values()) {
            severities.add(named("`" + s.name().toLowerCase(java.util.Locale.ROOT) + "`", process.naming(s)));
        }
        List<String> roles = new ArrayList<>();
        for (Role r : Role.values()) {
            roles.add(named("`" + r.label() + "`", process.naming(r)));
        }
        return "*Severities:* " + String.join(" · ", severities) + "\n*Roles:* " + String.join(" · ", roles);
    }

    private static String named(String code, Process.Naming naming) {
        boolean renamed = !naming.name().equalsIgnoreCase(code.replace("`", ""));
        return code + (renamed ? " " + Messages.escape(naming.name()) : "")
                + (naming.description() == null ? "" : " — " + Messages.escape(naming.description()));
    }

    @Override
    public String name() {
        return help.name();
    }

    @Override
    public List<String> aliases() {
        return help.aliases();
    }

    @Override
    public List<Usage> usage() {
        return help.usage();
    }

    /** @return for {@code help}, the lines naming severities and roles, also shown after a mistyped subcommand */
    @Override
    public String helpNotes() {
        return names;
    }

    @Override
    public boolean channelScoped() {
        return help.channelScoped();
    }

    @Override
    public Reply run(Invocation in, String rest) {
        Reply r = help.run(in, rest);
        return r.modal() != null || r.openModal() ? r : Reply.say(r.text() + "\n\n" + names);
    }
}
