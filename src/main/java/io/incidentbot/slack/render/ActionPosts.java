package io.incidentbot.slack.render;

import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.IncidentEvent;
import io.incidentbot.reminders.ReminderNote;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * One message for everything one human action changed (issue 24, "one post per human action at most"): the
 * Status form's status change with its update text, or a resolve with its summary, the follow-ups that have
 * no owner yet and the link to the postmortem draft. Each event keeps the line {@link ChannelPosts#post}
 * gives it, in the order recorded, so {@link ChannelPosts#parse} still reads a status change back from the
 * first line (the import of an export).
 */
public final class ActionPosts {
    private ActionPosts() {
    }

    /**
     * @param events    what one action recorded, in order: {@link IncidentEvent.Resolved} (a first resolve) adds
     *                  its resolution, {@link IncidentEvent.ReminderDue} of {@link ReminderNote.UnownedFollowUps}
     *                  the list of follow-ups with no owner; every other event gives its {@link ChannelPosts#post}
     * @param draftLink for a resolve: the permalink of the postmortem draft, or null when there is none (yet)
     * @return the message text (Slack mrkdwn)
     */
    public static String text(List<IncidentEvent> events, String draftLink) {
        return text(events, draftLink, Names.CODES);
    }

    /** @param names what severities and roles are called; @return the message text (Slack mrkdwn) */
    public static String text(List<IncidentEvent> events, String draftLink, Names names) {
        ReminderNote.UnownedFollowUps unowned = unowned(events);
        boolean resolved = events.stream().anyMatch(e -> e instanceof IncidentEvent.Resolved);
        List<String> lines = new ArrayList<>();
        for (IncidentEvent e : events) {
            if (e instanceof IncidentEvent.Resolved r) {
                if (r.summary() != null && !r.summary().isBlank()) {
                    lines.add("*Resolution:* " + UserText.inert(r.summary().strip()));
                }
            } else if (e instanceof IncidentEvent.FollowUpRecorded f && f.owner() == null && unowned != null
                    && unowned.followUps().contains(f.text())) {
                continue; // listed below with the other follow-ups that have no owner
            } else if (!(e instanceof IncidentEvent.ReminderDue)) {
                lines.add(ChannelPosts.post(e, names));
            }
        }
        if (unowned != null) {
            lines.add(ReminderPosts.text(unowned));
        }
        if (resolved) {
            long n = events.get(0).incident();
            lines.add(draftLink != null
                    ? ":memo: *Postmortem draft:* <" + draftLink + "|incident-" + n + "-postmortem.md>"
                    : ":memo: The postmortem draft is on its way into this channel; `/incident postmortem` makes a fresh one.");
        }
        return String.join("\n", lines);
    }

    /** @return the text as one section, with the <em>Add follow-up</em> button when follow-ups have no owner */
    public static List<LayoutBlock> blocks(List<IncidentEvent> events, String draftLink) {
        return blocks(events, draftLink, Names.CODES);
    }

    /** @param names what severities and roles are called; @return the blocks */
    public static List<LayoutBlock> blocks(List<IncidentEvent> events, String draftLink, Names names) {
        LayoutBlock text = section(s -> s.text(markdownText(Messages.truncate(text(events, draftLink, names), Messages.MAX_SECTION))));
        if (unowned(events) == null) {
            return List.of(text);
        }
        String n = String.valueOf(events.get(0).incident());
        return List.of(text, actions(a -> a.elements(List.of(Header.button(Header.FOLLOW_UP, "Add follow-up", n, null)))));
    }

    private static ReminderNote.UnownedFollowUps unowned(List<IncidentEvent> events) {
        for (IncidentEvent e : events) {
            if (e instanceof IncidentEvent.ReminderDue d && d.note() instanceof ReminderNote.UnownedFollowUps u) {
                return u;
            }
        }
        return null;
    }
}
