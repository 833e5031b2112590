package io.incidentbot.pager;

import io.incidentbot.incident.Severity;

import java.util.Collection;

/**
 * When an incident pages (issue 21, "When it pages"), as pure decisions over the threshold
 * {@code INCIDENT_PAGE_SEVERITY} and the incident's stored pages:
 * <ul>
 *   <li>declaring at or above the threshold pages (whatever way it was declared);</li>
 *   <li>raising the severity into it pages, once: not when the incident was ever paged;</li>
 *   <li>lowering it does not un-page;</li>
 *   <li>resolving resolves every open page; reopening triggers again every page that was resolved;</li>
 *   <li>{@code /incident page} pages at any severity, once per press (not decided here).</li>
 * </ul>
 *
 * @param threshold the least severe severity that pages, or null for {@code off}
 */
public record PagingRules(Severity threshold) {

    /** @return true when {@code s} is at or above the threshold (SEV1 is the most severe) */
    public boolean atOrAbove(Severity s) {
        return threshold != null && s.ordinal() <= threshold.ordinal();
    }

    /** @return true when declaring at {@code severity} pages */
    public boolean pagesOnDeclare(Severity severity) {
        return atOrAbove(severity);
    }

    /**
     * @param pages the incident's pages so far
     * @return true when moving from {@code from} to {@code to} pages: it enters the paging range and the incident
     *         was never paged
     */
    public boolean pagesOnSeverityChange(Severity from, Severity to, Collection<Page> pages) {
        return atOrAbove(to) && !atOrAbove(from) && pages.isEmpty();
    }

    /** @return true when resolving must resolve {@code page} */
    public boolean resolvesOnResolve(Page page) {
        return page.open();
    }

    /** @return true when reopening must trigger {@code page} again */
    public boolean triggersOnReopen(Page page) {
        return !page.open();
    }
}
