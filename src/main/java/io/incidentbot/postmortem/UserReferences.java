package io.incidentbot.postmortem;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.incidentbot.markup.Mentions;

/** Collects the Slack user IDs a draft will name: authors, actors, owners and {@code <@U...>} mentions. */
final class UserReferences {
    private static final Pattern MENTION = Mentions.MENTION;

    private final Set<String> ids = new LinkedHashSet<>();

    /** Adds a user ID; null is ignored. */
    void user(String id) {
        if (id != null && !id.isBlank()) {
            ids.add(id);
        }
    }

    /** Adds every user mentioned in Slack markup; null is ignored. */
    void text(String slackText) {
        if (slackText == null || !slackText.contains("<@")) {
            return;
        }
        Matcher m = MENTION.matcher(slackText);
        while (m.find()) {
            ids.add(m.group(1));
        }
    }

    /** @return the IDs seen, in first-seen order (a live, modifiable set) */
    Set<String> ids() {
        return ids;
    }
}
