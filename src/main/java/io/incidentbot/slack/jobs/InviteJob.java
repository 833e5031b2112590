package io.incidentbot.slack.jobs;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsInviteResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersLookupByEmailResponse;
import io.incidentbot.incident.Incident;
import io.incidentbot.outbox.JobHandler.Outcome;
import io.incidentbot.outbox.OutboxJob;
import io.incidentbot.slack.web.SlackCalls;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code conversations.invite} of the payload's users, 100 per call; users already in the channel are fine. The
 * payload's emails (a pager's acknowledger) are first looked up with {@code users.lookupByEmail} (scope
 * {@code users:read.email}); an email no Slack user has ({@code users_not_found}) is skipped: the timeline shows
 * that person by name, and so is one the lookup is refused for (e.g. {@code missing_scope} on an older install).
 * The payload's user groups (an incident type's, issue 25) are read with {@code usergroups.users.list} (scope
 * {@code usergroups:read}) and their members invited; a refused one ({@code no_such_subteam}, {@code missing_scope})
 * is logged and skipped, a transient failure retries the job.
 */
public final class InviteJob implements KindHandler<SlackJob.Invite> {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InviteJob.class);
    private final MethodsClient client;

    /** @param client Web API client with the bot token */
    public InviteJob(MethodsClient client) {
        this.client = client;
    }

    @Override
    public Outcome deliver(OutboxJob job, Incident incident, SlackJob.Invite payload) {
        List<String> users = new ArrayList<>(payload.users());
        for (String email : payload.emails()) {
            SlackCalls.Result<UsersLookupByEmailResponse> found = SlackCalls.run("users.lookupByEmail",
                    () -> client.usersLookupByEmail(req -> req.email(email)));
            if (found.ok()) {
                users.add(found.response().getUser().getId());
            } else if (found.failure() != null) {
                return found.failure();
            } else if (!"users_not_found".equals(found.error())) {
                log.warn("users.lookupByEmail refused ({}) for incident {}: the acknowledger is not invited", found.error(),
                        incident.number());
            }
        }
        for (String group : payload.usergroups()) {
            SlackCalls.Result<UsergroupsUsersListResponse> members = SlackCalls.run("usergroups.users.list",
                    () -> client.usergroupsUsersList(req -> req.usergroup(group)));
            if (members.ok()) {
                members.response().getUsers().stream().filter(u -> !users.contains(u)).forEach(users::add);
            } else if (members.failure() != null && members.failure().type() == Outcome.Type.RETRY) {
                return members.failure();
            } else {
                log.warn("usergroups.users.list refused ({}) for user group {} of incident {}: its members are not invited",
                        members.error() != null ? members.error() : members.failure().error(), group, incident.number());
            }
        }
        for (int from = 0; from < users.size(); from += 100) {
            List<String> batch = users.subList(from, Math.min(users.size(), from + 100));
            SlackCalls.Result<ConversationsInviteResponse> r = SlackCalls.run("conversations.invite",
                    () -> client.conversationsInvite(req -> req.channel(incident.channelId()).users(batch)));
            if (!r.ok() && !"already_in_channel".equals(r.error()) && !"cant_invite_self".equals(r.error())) {
                return SlackCalls.failed("conversations.invite", r);
            }
        }
        return Outcome.done();
    }
}
