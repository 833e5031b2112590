package io.incidentbot.slack.render;

import io.incidentbot.incident.Role;
import io.incidentbot.incident.Severity;

import java.util.Map;

/**
 * What severities and roles are called where a user reads them (Slack mrkdwn, names escaped) (issue 25's process file renames them; the four
 * levels and three roles stay, so stats and pagers keep working).
 *
 * @param severities a shown name per renamed severity, e.g. {@code SEV1 -> Critical}; others keep their code
 * @param roles      a shown name per renamed role, e.g. {@code LEAD -> Incident commander}; others keep their key
 */
public record Names(Map<Severity, String> severities, Map<Role, String> roles) {
    /** No renames: {@code SEV2}, {@code lead} (the bot without a process file). */
    public static final Names CODES = new Names(Map.of(), Map.of());

    /** Copies the maps. */
    public Names {
        severities = Map.copyOf(severities);
        roles = Map.copyOf(roles);
    }

    /** @return {@code SEV2 Major} when renamed (the code stays, as pagers and stats say it), else {@code SEV2} */
    public String severity(Severity s) {
        String name = severities.get(s);
        return name == null ? s.name() : s.name() + " " + Messages.escape(name);
    }

    /** @return the role's shown name ({@code Incident commander}), else its key ({@code lead}) */
    public String role(Role r) {
        String name = roles.get(r);
        return name == null ? r.label() : Messages.escape(name);
    }

    /**
     * @return the severity as {@link #severity} shows it, for plain text (a {@code plain_text} option, a stored note, a
     *         terminal): {@code SEV2 Major}, the name not escaped; {@code SEV2} when not renamed
     */
    public String severityText(Severity s) {
        String name = severities.get(s);
        return name == null ? s.name() : s.name() + " " + name;
    }

    /**
     * @return a line naming the renamed severities for texts that keep their codes (stats' columns), e.g.
     *         {@code _SEV1 is Critical · SEV2 is Major_}; null when none is renamed
     */
    public String legend() {
        String line = legend(Messages::escape);
        return line == null ? null : "_" + line + "_";
    }

    /**
     * @return {@link #legend()} as plain text, for a terminal (the {@code stats} command): {@code SEV1 is Critical · SEV2
     *         is Major}, names not escaped; null when none is renamed
     */
    public String legendText() {
        return legend(name -> name);
    }

    private String legend(java.util.function.UnaryOperator<String> escape) {
        java.util.List<String> renamed = new java.util.ArrayList<>();
        for (Severity s : Severity.values()) {
            if (severities.containsKey(s)) {
                renamed.add(s.name() + " is " + escape.apply(severities.get(s)));
            }
        }
        return renamed.isEmpty() ? null : String.join(" · ", renamed);
    }
}
