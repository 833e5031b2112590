package io.incidentbot.slack.render;

import io.incidentbot.markup.Mentions;
import com.slack.api.model.block.LayoutBlock;
import io.incidentbot.incident.Role;
import io.incidentbot.reminders.ReminderNote;

import java.util.List;
import java.util.stream.Collectors;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** The reminder posts in an incident channel, with their buttons (value: the incident number). */
public final class ReminderPosts {
    /** Action ID of the reminder's {@code Snooze 30 min} button. */
    public static final String SNOOZE = "reminder_snooze";
    /** Action ID of the lead reminder's {@code I'll lead} button. */
    public static final String TAKE_LEAD = "reminder_take_lead";

    private ReminderPosts() {
    }

    /** @return the post's text (notification and fallback) */
    public static String text(ReminderNote note) {
        return text(note, Names.CODES);
    }

    /**
     * @param names what the process file calls the lead (issue 25): {@code There is no Incident commander yet}
     * @return the post's text (notification and fallback)
     */
    public static String text(ReminderNote note, Names names) {
        String lead = names.role(Role.LEAD);
        if (note instanceof ReminderNote.UpdateDue u) {
            return ":alarm_clock: No status update for " + Messages.duration(u.quiet()) + ". "
                    + (u.lead() == null ? "There is no " + lead + " yet" : Mentions.of(u.lead()) + ", as " + lead) + ": "
                    + "please post an update for the people waiting on this incident.";
        } else if (note instanceof ReminderNote.LeadMissing l) {
            return ":bust_in_silhouette: Incident " + l.incident() + " has had no " + lead + " for "
                    + Messages.duration(l.since()) + ". Who leads it?";
        } else if (note instanceof ReminderNote.Stopped s) {
            return ":zzz: No answer to " + s.unanswered() + " reminders; reminders stop until the next update.";
        } else if (note instanceof ReminderNote.UnownedFollowUps f) {
            return ":clipboard: These follow-ups have no owner yet:\n" + f.followUps().stream()
                    .map(t -> "• " + Messages.truncate(UserText.inert(t), 300)).collect(Collectors.joining("\n"))
                    + "\nAssign each with `/incident action <text> @owner` or the *Add follow-up* button, so none is lost.";
        }
        throw new IllegalArgumentException("no post for " + note);
    }

    /**
     * @param channelId the incident channel, or null before it exists
     * @return the lead reminder of an incident whose channel has no human member, sent outside it, e.g.
     *         ":bust_in_silhouette: Incident 12 has had no lead for 10 min and nobody is in <#C1>. Who leads it?"
     */
    public static String nobodyThere(ReminderNote.LeadMissing l, String channelId) {
        return nobodyThere(l, channelId, Names.CODES);
    }

    /** @return as {@link #nobodyThere(ReminderNote.LeadMissing, String)}, the lead named as the process file names it */
    public static String nobodyThere(ReminderNote.LeadMissing l, String channelId, Names names) {
        return ":bust_in_silhouette: Incident " + l.incident() + " has had no " + names.role(Role.LEAD) + " for "
                + Messages.duration(l.since())
                + " and nobody is in " + (channelId == null ? "its channel" : "<#" + channelId + ">") + ". Who leads it?";
    }

    /** @return the post's blocks: the text and its buttons */
    public static List<LayoutBlock> blocks(ReminderNote note) {
        return blocks(note, text(note));
    }

    /** @return the post's blocks with {@code shown} as its text (a reminder sent outside the incident channel) */
    public static List<LayoutBlock> blocks(ReminderNote note, String shown) {
        String n = String.valueOf(note.incident());
        LayoutBlock text = section(s -> s.text(markdownText(Messages.truncate(shown, Messages.MAX_SECTION))));
        if (note instanceof ReminderNote.UpdateDue) {
            return List.of(text, actions(a -> a.elements(List.of(Header.button(Header.UPDATE, "Post update", n, "primary"),
                    Header.button(SNOOZE, "Snooze 30 min", n, null)))));
        } else if (note instanceof ReminderNote.LeadMissing) {
            return List.of(text, actions(a -> a.elements(List.of(Header.button(TAKE_LEAD, "I'll lead", n, "primary")))));
        } else if (note instanceof ReminderNote.Stopped) {
            return List.of(text, actions(a -> a.elements(List.of(Header.button(Header.UPDATE, "Post update", n, "primary")))));
        }
        return List.of(text, actions(a -> a.elements(List.of(Header.button(Header.FOLLOW_UP, "Add follow-up", n, null)))));
    }
}
