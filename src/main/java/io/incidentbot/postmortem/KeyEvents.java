package io.incidentbot.postmortem;

import io.incidentbot.markup.Mentions;
import io.incidentbot.timeline.EntryKind;
import io.incidentbot.timeline.TimelineEntry;

import java.util.function.Consumer;

/**
 * The timeline of key events: every command entry (declared, status, severity and role changes,
 * notes, status updates, follow-ups, resolved, reopened) and every message marked as a key event
 * (pinned or given the key-event emoji), in timeline order. Deleted entries never appear.
 *
 * <p>Each item starts with its number in bold, {@code **(7)**}, counted from 1 in timeline order: the
 * timeline picture ({@link TimelineChart}) draws key event 7 as a circle with 7 in it. The number is
 * written in the item rather than as an ordered list ({@code 7.}) because a date heading between
 * items would make some Markdown renderers (and Slack canvases) restart an ordered list at 1.
 */
final class KeyEvents {
    private static final java.util.regex.Pattern SEVERITY = java.util.regex.Pattern.compile("\\bSEV[1-4]\\b");
    private final EntryText text;
    private final DayHeadings days;
    private final PostmortemInput names;
    private int number;

    /**
     * @param days  fresh day headings: one {@code KeyEvents} per pass
     * @param names the draft's input, for what the process file calls severities and roles
     *              ({@link PostmortemInput#severityName}, {@link PostmortemInput#roleName}): the declared, severity change
     *              and role change entries, recorded with codes, read {@code Declared SEV2 Major: ...}, {@code Severity
     *              SEV2 Major → SEV1 Critical} and {@code Assigned Incident commander (lead): ...} with the file's names
     */
    KeyEvents(EntryText text, DayHeadings days, PostmortemInput names) {
        this.text = text;
        this.days = days;
        this.names = names;
    }

    /** @return the item head of key event {@code number}, e.g. {@code **(7)** } */
    static String marker(int number) {
        return "**(" + number + ")** ";
    }

    /** @return true when the entry belongs in the timeline of key events */
    static boolean isKeyEvent(TimelineEntry e) {
        return !e.deleted() && (e.kind() != EntryKind.MESSAGE || e.keyEvent());
    }

    /** Gives the key events of {@code entries} ({@link TimelineSource#forEachKeyEvent}), numbered from 1. */
    void forEach(TimelineSource entries, Consumer<? super DraftModel.KeyEvent> sink) {
        entries.forEachKeyEvent(e -> {
            if (isKeyEvent(e)) {
                sink.accept(item(e));
            }
        });
    }

    private DraftModel.KeyEvent item(TimelineEntry e) {
        String heading = days.before(e.at());
        StringBuilder s = new StringBuilder(heading);
        boolean inThread = e.kind() == EntryKind.MESSAGE && e.isThreadReply();
        number++;
        String time = days.timeOf(e.at());
        String who = text.who(e);
        String what = describe(e);
        Md.item(s, 0, marker(number) + time + " " + who + (inThread ? " (in a thread)" : "") + ": ", what);
        return new DraftModel.KeyEvent(number, heading.isEmpty() ? null : days.currentDay(), time, who, inThread, what,
                s.toString());
    }
    private String describe(TimelineEntry e) {
        return switch (e.kind()) {
            case MESSAGE -> text.message(e);
            case ROLE_CHANGE -> "Assigned " + role(text.markdown(Mentions.inEntry(e)));
            case NOTE -> "Note: " + text.markdown(Mentions.inEntry(e));
            case STATUS_UPDATE -> "Status update: " + text.markdown(Mentions.inEntry(e));
            case FOLLOW_UP -> "Follow-up: " + text.markdown(Mentions.inEntry(e));
            case DECLARED -> named(text.markdown(Mentions.inEntry(e)), 1);
            case SEVERITY_CHANGE -> named(text.markdown(Mentions.inEntry(e)), 2);
            default -> text.markdown(Mentions.inEntry(e));
        };
    }

    /** @return {@code lead: ...} as {@code Incident commander (lead): ...} when the process file renames the role */
    private String role(String what) {
        for (io.incidentbot.incident.Role r : io.incidentbot.incident.Role.values()) {
            String name = names.roleName(r);
            if (name != null && what.startsWith(r.label() + ":")) {
                return Md.inline(name) + " (" + r.label() + ")" + what.substring(r.label().length());
            }
        }
        return what;
    }

    /** @return {@code what} with its first {@code codes} severity codes named as the draft names them */
    private String named(String what, int codes) {
        java.util.regex.Matcher m = SEVERITY.matcher(what);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < codes && m.find(); i++) {
            m.appendReplacement(s, java.util.regex.Matcher.quoteReplacement(Md.inline(names.severityName(
                    io.incidentbot.incident.Severity.valueOf(m.group())))));
        }
        return m.appendTail(s).toString();
    }
}
