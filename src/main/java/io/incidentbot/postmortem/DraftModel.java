package io.incidentbot.postmortem;

import java.util.List;

/**
 * What a postmortem template receives (see {@code docs/postmortem-template.md}, which lists every field). Text
 * values are Markdown as the draft shows it (names resolved, user text escaped so it cannot break the page);
 * times are {@code YYYY-MM-DD HH:MM} in the draft's zone; durations are whole minutes as {@code 2 h 14 min}.
 * A value that is not known is null, so {@code {{#x}}...{{/x}}} leaves it out.
 *
 * @param zone         the time zone of every time, e.g. {@code UTC}
 * @param incident     the incident's record
 * @param milestones   impact started, declared, identified, mitigated, resolved
 * @param summaryTable the rows of the draft's first table (severity, status, roles, milestones, channel)
 * @param metrics      the Response metrics rows
 * @param alerts       the alerts of the group that declared it
 * @param changes      the changes before it was declared, most recent first
 * @param keyEvents    the timeline of key events, numbered as the picture's markers (streamed)
 * @param hasKeyEvents true when there is at least one key event
 * @param log          the channel log, one item per thread (streamed, readable once per draft)
 * @param messageCount messages in the log
 * @param followUps    follow-ups, in the order recorded, with their state and tracker issue
 * @param participants people, most messages first
 * @param checklist    the checklist items that became due (process file, issue 25), in checklist order
 * @param hasChecklist true when there is at least one
 * @param fields       custom fields (filled by the process file, issue 25; empty today)
 * @param chart        the Markdown image line of the timeline picture, or null
 * @param prompts      the default layout's "To do" prompts
 * @param sections     the default layout's sections that are pre-written Markdown blocks
 * @param related      earlier incidents like this one, with the state of their follow-ups (issue 22), most related
 *                     first; empty when none
 */
public record DraftModel(String zone, IncidentFields incident, Milestones milestones, List<Row> summaryTable,
                         List<Row> metrics, List<AlertRow> alerts, List<ChangeLine> changes,
                         Streamed<KeyEvent> keyEvents, boolean hasKeyEvents, Streamed<LogThread> log,
                         int messageCount, List<FollowUpItem> followUps, List<Person> participants,
                         List<ChecklistItem> checklist, boolean hasChecklist, List<CustomField> fields, String chart,
                         PromptTexts prompts, Sections sections, List<RelatedItem> related) {

    /** A model with no related incidents. */
    public DraftModel(String zone, IncidentFields incident, Milestones milestones, List<Row> summaryTable,
                      List<Row> metrics, List<AlertRow> alerts, List<ChangeLine> changes,
                      Streamed<KeyEvent> keyEvents, boolean hasKeyEvents, Streamed<LogThread> log,
                      int messageCount, List<FollowUpItem> followUps, List<Person> participants,
                      List<ChecklistItem> checklist, boolean hasChecklist, List<CustomField> fields, String chart,
                      PromptTexts prompts, Sections sections) {
        this(zone, incident, milestones, summaryTable, metrics, alerts, changes, keyEvents, hasKeyEvents, log, messageCount,
                followUps, participants, checklist, hasChecklist, fields, chart, prompts, sections, List.of());
    }

    /**
     * An earlier incident like this one (issue 22, "seen before").
     *
     * @param number        incident number
     * @param title         title on one line, Markdown
     * @param severity      {@code SEV1}..{@code SEV4}
     * @param declared      {@code YYYY-MM-DD HH:MM}
     * @param timeToResolve e.g. {@code 2 h 14 min}, or null while it is open
     * @param why           why it is related, e.g. {@code same alert group}
     * @param postmortemUrl link to its postmortem draft, or null
     * @param followUps     its follow-ups with their state
     */
    public record RelatedItem(long number, String title, String severity, String declared, String timeToResolve,
                              String why, String postmortemUrl, List<RelatedFollowUp> followUps) {
    }

    /**
     * A follow-up of a related incident.
     *
     * @param text     Markdown
     * @param state    {@code open}, {@code done} or {@code wont_do}
     * @param owner    display name, or null
     * @param due      {@code YYYY-MM-DD}, or null
     * @param issueKey its tracker issue's key as the tracker gives it (e.g. {@code acme/ops#3}), or null
     * @param issueUrl its tracker issue's web page, or null
     */
    public record RelatedFollowUp(String text, String state, String owner, String due, String issueKey, String issueUrl) {
    }

    /**
     * @param number      incident number
     * @param title       title on one line
     * @param severity    {@code SEV1}..{@code SEV4}
     * @param status      status label, e.g. {@code resolved}
     * @param lead        display name or null; likewise {@code comms}, {@code scribe}
     * @param declaredBy  display name of who declared it
     * @param channel     {@code #name}, with {@code (private)} for a private incident, or null
     * @param summary     the summary given at declaration, Markdown, or ""
     * @param resolution  the resolution summary, Markdown, or ""
     * @param severityName the severity as shown (issue 25): {@code SEV2 Major} when the process file renames it (the
     *                     code first), else the code, {@code SEV2}
     * @param leadRole    what the lead's role is called (issue 25): the process file's name ({@code Incident commander}),
     *                    else {@code Lead}; likewise {@code commsRole} ({@code Comms}) and {@code scribeRole}
     *                    ({@code Scribe})
     */
    public record IncidentFields(long number, String title, String severity, String status, String lead, String comms,
                                 String scribe, String declaredBy, String channel, String summary, String resolution,
                                 String severityName, String leadRole, String commsRole, String scribeRole) {
    }

    /**
     * One milestone.
     *
     * @param name          e.g. {@code Impact started}
     * @param at            {@code YYYY-MM-DD HH:MM}
     * @param afterDeclared the time from the declaration, e.g. {@code 12 min}; for impact started the time
     *                      before it
     */
    public record Milestone(String name, String at, String afterDeclared) {
    }

    /** The milestones; each is null while unset. {@code all} holds the ones set, in time order of the record. */
    public record Milestones(Milestone impactStarted, Milestone declared, Milestone identified, Milestone mitigated,
                             Milestone resolved, String timeToDetect, List<Milestone> all) {
    }

    /**
     * A two-column row.
     *
     * @param name  row name
     * @param value plain value (Markdown)
     * @param cell  the value escaped for a Markdown table cell ({@code |} escaped, one line; {@code —} when unset)
     */
    public record Row(String name, String value, String cell) {
    }

    /** An alert: name, first fired and resolved ({@code still firing} / {@code —}), duration, link URL or null. */
    public record AlertRow(String name, String firstFired, String resolved, String duration, String url) {
    }

    /**
     * A change before the incident.
     *
     * @param at     when
     * @param before how long before the declaration
     * @param kind   e.g. {@code Deploy}; service, environment, author and url may be null
     */
    public record ChangeLine(String at, String before, String kind, String service, String environment, String author,
                             String title, String url) {
    }

    /**
     * A key event.
     *
     * @param number   its marker number in the picture, from 1
     * @param day      {@code YYYY-MM-DD} when it is the first event of a day of a multi-day incident, else null
     * @param time     {@code HH:MM} ({@code YYYY-MM-DD HH:MM} off its day)
     * @param who      display name
     * @param inThread true for a thread reply
     * @param text     what happened, Markdown
     * @param markdown the whole item as the default layout writes it (day heading included)
     */
    public record KeyEvent(int number, String day, String time, String who, boolean inThread, String text,
                           String markdown) {
    }

    /**
     * A message of the channel log with its thread.
     *
     * @param day      as {@link KeyEvent#day}
     * @param time     {@code HH:MM}
     * @param pinned   true when it is a key event
     * @param who      display name, or null when the first message is deleted or missing
     * @param text     the message, Markdown
     * @param replies  thread replies, oldest first
     * @param markdown the whole thread as the default layout writes it
     */
    public record LogThread(String day, String time, boolean pinned, String who, String text, List<LogReply> replies,
                            String markdown) {
    }

    /** A thread reply: time, key event or not, author, text. */
    public record LogReply(String time, boolean pinned, String who, String text) {
    }

    /**
     * A follow-up of the drafted incident (its state, plan and tracker issue: issue 22).
     *
     * @param text     what is to be done, Markdown
     * @param owner    display name, or null
     * @param state    {@code open}, {@code done} or {@code wont_do}
     * @param open     true while open (for {@code {{#open}}})
     * @param done     true when done
     * @param wontDo   true when it won't be done
     * @param due      due date {@code YYYY-MM-DD}, or null
     * @param priority {@code P1}..{@code P3}, or null
     * @param closedAt when it was closed (done or won't do), {@code YYYY-MM-DD HH:MM}, or null while open
     * @param issueKey its tracker issue's key (e.g. {@code acme/ops#3}), or null when it has none
     * @param issueUrl its tracker issue's web page, or null
     * @param markdown the item as the default layout writes it, e.g. {@code - [x] Add an alert (Carol, due 2026-12-20) — [OPS-7](https://...)}
     */
    public record FollowUpItem(String text, String owner, String state, boolean open, boolean done, boolean wontDo,
                               String due, String priority, String closedAt, String issueKey, String issueUrl,
                               String markdown) {
        /** An open follow-up with no due date, priority or issue. */
        public FollowUpItem(String text, String owner) {
            this(text, owner, "open", true, false, false, null, null, null, null, null,
                    "- [ ] " + text + " (" + (owner == null ? "no owner" : owner) + ")\n");
        }
    }

    /** A participant and the messages they wrote. */
    public record Person(String name, int messages) {
    }

    /**
     * A checklist item (process file, issue 25).
     *
     * @param checklist the checklist's name
     * @param title     what to do, Markdown
     * @param required  whether resolving with it not done asked for confirmation
     * @param done      ticked when the draft was made
     * @param doneBy    display name of who ticked it, or null
     * @param doneAt    when, {@code YYYY-MM-DD HH:MM}, or null
     * @param row       the item as the default layout's table row writes it ({@code | item | done by | at |})
     */
    public record ChecklistItem(String checklist, String title, boolean required, boolean done, String doneBy, String doneAt,
                                String row) {
    }

    /** A custom field (process file, issue 25): name and value. */
    public record CustomField(String name, String value) {
    }

    /** The default layout's prompts (italic Markdown paragraphs), for templates that keep them. */
    public record PromptTexts(String metrics, String keyEvents, String noKeyEvents, String rootCause,
                              String wentWell, String wentWrong, String lucky) {
        static final PromptTexts DEFAULT = new PromptTexts(Prompts.METRICS, Prompts.KEY_EVENTS, Prompts.NO_KEY_EVENTS,
                Prompts.ROOT_CAUSE, Prompts.WENT_WELL, Prompts.WENT_WRONG, Prompts.LUCKY);
    }

    /**
     * Pre-written blocks of the default layout, each ending with a blank line or empty.
     *
     * @param alerts       {@code ## Alerts} and its table, or ""
     * @param changes      {@code ## Changes before the incident}, or ""
     * @param summary      {@code ## Summary}
     * @param impact       {@code ## Impact}
     * @param followUps    the Follow-ups body (the list, or the prompt)
     * @param participants the Participants body
     * @param logIntro     the line before the channel log (or the line saying there are no messages)
     * @param related      {@code ## Related incidents} and its list (issue 22), or "" when there are none
     */
    public record Sections(String alerts, String changes, String summary, String impact, String followUps,
                           String participants, String logIntro, String related) {
        /** Sections with no related incidents. */
        public Sections(String alerts, String changes, String summary, String impact, String followUps,
                        String participants, String logIntro) {
            this(alerts, changes, summary, impact, followUps, participants, logIntro, "");
        }
    }
}
