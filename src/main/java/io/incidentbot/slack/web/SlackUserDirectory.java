package io.incidentbot.slack.web;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.incidentbot.postmortem.UserDirectory;

import java.util.Optional;

/** Display names from {@code users.info}: profile display name, else real name, else user name. */
public final class SlackUserDirectory implements UserDirectory {
    private final MethodsClient client;

    /** @param client a client with the bot token */
    public SlackUserDirectory(MethodsClient client) {
        this.client = client;
    }

    /**
     * @throws IllegalStateException when Slack cannot answer (network, rate limit, server error)
     */
    @Override
    public Optional<String> displayName(String userId) {
        UsersInfoResponse r;
        try {
            r = client.usersInfo(req -> req.user(userId));
        } catch (Exception e) {
            throw new IllegalStateException("users.info failed: " + e.getClass().getSimpleName(), e);
        }
        if (!r.isOk()) {
            if ("user_not_found".equals(r.getError())) {
                return Optional.empty();
            }
            throw new IllegalStateException("users.info failed: " + r.getError());
        }
        User u = r.getUser();
        User.Profile p = u.getProfile();
        for (String name : new String[] {p == null ? null : p.getDisplayName(), p == null ? null : p.getRealName(),
                u.getRealName(), u.getName()}) {
            if (name != null && !name.isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
