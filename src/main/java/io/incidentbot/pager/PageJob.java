package io.incidentbot.pager;

/**
 * The payload of one pager job: trigger or resolve {@link #page()} through {@link #pager()}. Jobs go to the
 * outbox under the pager's own subscriber name ({@link PagerKind#id()}), so each pager has its own ordered lane
 * per incident and a slow or failing pager never holds up another.
 *
 * @param action {@code trigger} or {@code resolve}
 * @param pager  where to send it
 * @param page   the snapshot of what to say
 */
public record PageJob(String action, PagerKind pager, PageRequest page) {
    /** Job kind of a trigger. */
    public static final String TRIGGER = "trigger";
    /** Job kind of a resolve. */
    public static final String RESOLVE = "resolve";
}
