package io.incidentbot.slack.web;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The workspace's user groups for the declare forms' <em>Invite user groups</em> picker (issue 25): read with
 * {@code usergroups.list} (scope {@code usergroups:read}; enabled groups only, Slack's default) and kept for
 * {@link #FRESH} so that typing in the picker, which asks on every keystroke, costs one call a minute (the method is
 * rate limited at Tier 2, about 20 a minute). A failed call (refused, such as {@code plan_upgrade_required} on a free
 * workspace or {@code missing_scope}, or Slack unreachable) is logged and answers no groups, and is not asked again
 * for {@link #AFTER_FAILURE}. A cache, not state: each replica keeps its own.
 */
public final class SlackUsergroups {
    /** How long a read list of groups is used. */
    public static final Duration FRESH = Duration.ofSeconds(60);
    /** How long after a failed read no new read is tried (no groups are suggested meanwhile). */
    public static final Duration AFTER_FAILURE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(SlackUsergroups.class);
    private final MethodsClient client;
    private final Clock clock;
    private volatile Read last;

    /** A user group as suggested: its ID ({@code S...}), its handle (without {@code @}) and its name. */
    public record Group(String id, String handle, String name) {
    }

    private record Read(List<Group> groups, Instant until) {
    }

    /**
     * @param client a Web API client with the bot token
     * @param clock  decides when a read list is stale
     */
    public SlackUsergroups(MethodsClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * @param typed what the user typed in the picker, may be empty or null (every group)
     * @param limit most groups answered (Slack shows at most 100 options)
     * @return the groups whose handle or name contains {@code typed} (any case), those whose handle or name starts with it
     *         first, then by handle; empty when {@code usergroups.list} fails
     */
    public List<Group> matching(String typed, int limit) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        String query = q.startsWith("@") ? q.substring(1) : q;
        return groups().stream()
                .filter(g -> lower(g.handle()).contains(query) || lower(g.name()).contains(query))
                .sorted(Comparator.comparing((Group g) -> !(lower(g.handle()).startsWith(query) || lower(g.name()).startsWith(query)))
                        .thenComparing(g -> lower(g.handle())))
                .limit(limit).toList();
    }

    private List<Group> groups() {
        Read read = last;
        Instant now = clock.instant();
        if (read != null && now.isBefore(read.until())) {
            return read.groups();
        }
        SlackCalls.Result<UsergroupsListResponse> r;
        String failure;
        try {
            r = SlackCalls.run("usergroups.list", () -> client.usergroupsList(req -> req));
            failure = r.ok() ? null : r.error() != null ? r.error() : r.failure().error();
        } catch (RuntimeException e) { // an answer the SDK cannot read: no suggestions rather than an error in the form
            r = null;
            failure = e.getClass().getSimpleName();
        }
        if (failure != null) {
            log.warn("usergroups.list failed ({}): the declare forms suggest no user groups for {} s", failure,
                    AFTER_FAILURE.toSeconds());
            last = new Read(List.of(), now.plus(AFTER_FAILURE));
            return List.of();
        }
        List<Usergroup> all = r.response().getUsergroups() == null ? List.of() : r.response().getUsergroups();
        List<Group> groups = all.stream()
                .filter(g -> g.getId() != null && (g.getDateDelete() == null || g.getDateDelete() == 0))
                .map(g -> new Group(g.getId(), g.getHandle() == null ? "" : g.getHandle(), g.getName() == null ? "" : g.getName()))
                .toList();
        last = new Read(groups, now.plus(FRESH));
        return groups;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
