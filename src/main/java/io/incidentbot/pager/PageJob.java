package io.incidentbot.pager;

/**
 * The payload of one pager job: trigger or resolve {@link #page()} through {@link #pager()}. Jobs go to the
 * outbox under the pager's own subscriber name ({@link PagerKind#id()}), so each pager has its own ordered lane
 * per incident and a slow or failing pager never holds up another.
 *
 * @param action   {@code trigger} or {@code resolve}
 * @param pager    where to send it
 * @param page     the snapshot of what to say
 * @param announce true for an automatic page or resolve (declare, severity raise, reopen, resolve): once the pager
 *                 accepted it, the delivery writes its timeline entry and channel line ({@link PageDelivery}); false
 *                 when whoever queued it wrote its own ({@code /incident page}, {@code retry}); null (read as false) for
 *                 jobs queued before this field existed
 */
public record PageJob(String action, PagerKind pager, PageRequest page, Boolean announce) {
    /** Job kind of a trigger. */
    public static final String TRIGGER = "trigger";
    /** Job kind of a resolve. */
    public static final String RESOLVE = "resolve";

    /** A job whose timeline entry the caller writes itself ({@code announce} false). */
    public PageJob(String action, PagerKind pager, PageRequest page) {
        this(action, pager, page, false);
    }

    /** @return true when the delivery writes the accepted job's timeline entry and channel line */
    public boolean announced() {
        return Boolean.TRUE.equals(announce);
    }

    /**
     * @return the timeline entry and channel line of an accepted automatic job: "Paged PagerDuty: SEV1 incident 12:
     *         &lt;title&gt;" (the summary the pager got, so a private incident's names only its number), or "Resolved
     *         the page in PagerDuty"
     */
    public String accepted() {
        String name = pager.displayName();
        return RESOLVE.equals(action) ? "Resolved the page in " + name : "Paged " + name + ": " + page.summary();
    }
}
