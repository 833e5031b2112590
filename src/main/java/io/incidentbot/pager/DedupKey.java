package io.incidentbot.pager;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one dedup key of an incident, {@code incident-bot-<n>}, or {@code incident-bot-<workspace>-<n>} when
 * {@code INCIDENT_WORKSPACE_PREFIX} names the workspace (several workspaces share a pager, issue 21), sent with every
 * trigger, acknowledge and resolve to every pager (PagerDuty's {@code dedup_key}, JSM's {@code alias}, GoAlert's
 * {@code dedup}) and read back from their webhooks. The key a page was triggered with is stored with it, and a
 * webhook's key must equal it ({@link PageSignals}): another workspace's {@code incident-bot-acme-12} is not our
 * incident 12.
 */
public final class DedupKey {
    private static final String PREFIX = "incident-bot-";
    /** A workspace prefix: 1-32 lowercase letters, digits and dashes, starting with a letter. */
    public static final Pattern WORKSPACE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern KEY = Pattern.compile("incident-bot-(?:[a-z][a-z0-9-]{0,31}-)?([1-9][0-9]{0,17})");

    private DedupKey() {
    }

    /** @return {@code incident-bot-<incident>} */
    public static String of(long incident) {
        return PREFIX + incident;
    }

    /**
     * @param workspace the workspace prefix ({@link #WORKSPACE}), or null for none
     * @return {@code incident-bot-<workspace>-<incident>}, or {@code incident-bot-<incident>} without a prefix
     */
    public static String of(String workspace, long incident) {
        return workspace == null ? of(incident) : PREFIX + workspace + "-" + incident;
    }

    /**
     * @return the incident number of a key shaped like ours (with or without a workspace prefix), empty for any other
     *         text (or null); whether it is this workspace's is decided by the key stored with the page
     */
    public static OptionalLong incident(String key) {
        if (key == null) {
            return OptionalLong.empty();
        }
        Matcher m = KEY.matcher(key);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
