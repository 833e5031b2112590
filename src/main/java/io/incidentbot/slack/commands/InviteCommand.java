package io.incidentbot.slack.commands;

import io.incidentbot.incident.IncidentService;
import io.incidentbot.markup.Mentions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /incident invite @user|@group ...} in an incident channel: invites the people mentioned and the members of
 * the user groups mentioned (issue 25), through the outbox ({@code conversations.invite}, {@code usergroups.users.list}).
 * The command's text comes escaped ({@code should_escape}): a user as {@code <@U123|alice>}, a user group as
 * {@code <!subteam^S123|@oncall>} (Slack's "Formatting text for app surfaces").
 */
final class InviteCommand implements Subcommand {
    private static final Pattern GROUP = Pattern.compile("<!subteam\\^([A-Z0-9]{2,31})(?:\\|[^>]*)?>");
    private static final String USAGE = "invite @user|@group ...";
    private final IncidentService incidents;

    InviteCommand(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public String name() {
        return "invite";
    }

    @Override
    public List<Usage> usage() {
        return List.of(new Usage(USAGE, "invite people, and the members of user groups, to this incident's channel"));
    }

    @Override
    public boolean channelScoped() {
        return true;
    }

    @Override
    public Reply run(Invocation in, String rest) {
        List<String> users = new ArrayList<>();
        Matcher u = Mentions.MENTION.matcher(rest);
        while (u.find()) {
            if (!users.contains(u.group(1))) {
                users.add(u.group(1));
            }
        }
        List<String> groups = new ArrayList<>();
        Matcher g = GROUP.matcher(rest);
        while (g.find()) {
            if (!groups.contains(g.group(1))) {
                groups.add(g.group(1));
            }
        }
        if (users.isEmpty() && groups.isEmpty()) {
            return rest.isBlank() ? Reply.usage(USAGE) : Reply.say(NotAMention.say(rest, USAGE));
        }
        incidents.invite(in.channelId(), users, groups, in.userId());
        List<String> who = new ArrayList<>(users.stream().map(Mentions::of).toList());
        if (!groups.isEmpty()) {
            who.add("the members of " + groups.size() + (groups.size() == 1 ? " user group" : " user groups"));
        }
        return Reply.say("Inviting " + String.join(", ", who) + " to this channel.");
    }
}
