package io.incidentbot.postmortem;

import io.incidentbot.incident.FollowUp;

import java.util.ArrayList;
import java.util.List;

/**
 * The draft's own <b>Follow-ups</b> (issue 22): each follow-up with its state, owner, due date, priority and tracker
 * issue, as the template's {@code followUps} items and the default layout's list, e.g.
 * <pre>
 * - [ ] Alert when WAL archiving stops (Carol Díaz, due 2026-12-20, P1) — [OPS-7](https://acme.atlassian.net/browse/OPS-7)
 * - [x] Raise the pool size (Bob)
 * - ~~Rewrite the failover script~~ (no owner, won't do)
 * </pre>
 * An open follow-up with no due date, priority or issue is written as before issue 22 ({@code - [ ] text (owner)}).
 */
final class FollowUpSection {
    private static final PostmortemInput.FollowUpStatus OPEN =
            new PostmortemInput.FollowUpStatus("open", null, null, null, null, null);

    private FollowUpSection() {
    }

    /** @return the items of {@code in}'s follow-ups, in the order recorded */
    static List<DraftModel.FollowUpItem> items(PostmortemInput in, EntryText text, DisplayNames names, Times times) {
        List<DraftModel.FollowUpItem> items = new ArrayList<>();
        for (FollowUp f : in.followUps()) {
            PostmortemInput.FollowUpStatus s = in.followUpStates().getOrDefault(f.id(), OPEN);
            String body = text.markdown(f.text()).strip();
            String owner = f.ownerId() == null ? null : names.of(f.ownerId());
            String due = s.due() == null ? null : s.due().toString();
            String priority = s.priority() == null ? null : "P" + s.priority();
            String closedAt = "open".equals(s.state()) || s.closedAt() == null ? null : times.dateTime(s.closedAt());
            items.add(new DraftModel.FollowUpItem(body, owner, s.state(), "open".equals(s.state()), "done".equals(s.state()),
                    "wont_do".equals(s.state()), due, priority, closedAt, s.issueKey(), s.issueUrl(),
                    markdown(body, owner, s.state(), due, priority, s.issueKey(), s.issueUrl())));
        }
        return items;
    }

    private static String markdown(String text, String owner, String state, String due, String priority, String issueKey,
                                   String issueUrl) {
        List<String> about = new ArrayList<>();
        about.add(owner == null ? "no owner" : owner);
        if (due != null) {
            about.add("due " + due);
        }
        if (priority != null) {
            about.add(priority);
        }
        boolean wontDo = "wont_do".equals(state);
        if (wontDo) {
            about.add("won't do");
        }
        String line = (wontDo && !text.contains("\n") ? "~~" + text + "~~" : text) + " (" + String.join(", ", about) + ")"
                + (issueUrl == null ? "" : " — " + Md.link(issueKey == null ? "issue" : issueKey, issueUrl));
        StringBuilder s = new StringBuilder();
        Md.item(s, 0, switch (state) {
            case "done" -> "[x] ";
            case "wont_do" -> "";
            default -> "[ ] ";
        }, line);
        return s.toString();
    }

    /** @return the default layout's Follow-ups body: the list and a blank line, or the prompt when there are none */
    static String markdown(List<DraftModel.FollowUpItem> items) {
        if (items.isEmpty()) {
            return Prompts.NO_FOLLOW_UPS + "\n\n";
        }
        StringBuilder s = new StringBuilder();
        items.forEach(f -> s.append(f.markdown()));
        return s.append('\n').toString();
    }
}
