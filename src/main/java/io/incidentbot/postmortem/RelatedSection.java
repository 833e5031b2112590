package io.incidentbot.postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * The draft's <b>Related incidents</b> (issue 22): the template's {@code related} items and the default layout's
 * section, empty (no heading at all) when there are none, e.g.
 * <pre>
 * ## Related incidents
 *
 * - **Incident 12: Payments down** (SEV2, 2026-10-01 10:00, resolved in 2 h 30 min; same alert group) [postmortem draft](https://...)
 *   - [ ] add a PSP timeout alert (Bob, due 2026-12-20, [acme/ops#3](https://github.com/acme/ops/issues/3))
 *   - [x] raise the pool size (Carol)
 * </pre>
 */
final class RelatedSection {
    private RelatedSection() {
    }

    static List<DraftModel.RelatedItem> items(List<RelatedIncidents.Related> related, Times times, DisplayNames names,
                                              EntryText text) {
        List<DraftModel.RelatedItem> items = new ArrayList<>();
        for (RelatedIncidents.Related r : related) {
            List<DraftModel.RelatedFollowUp> followUps = new ArrayList<>();
            for (RelatedIncidents.FollowUpState f : r.followUps()) {
                followUps.add(new DraftModel.RelatedFollowUp(text.markdown(f.text()).strip(), f.state(),
                        f.ownerId() == null ? null : names.of(f.ownerId()), f.due() == null ? null : f.due().toString(),
                        f.issueKey(), f.issueUrl()));
            }
            items.add(new DraftModel.RelatedItem(r.number(), Md.inline(Md.oneLine(r.title())), r.severity().name(),
                    times.dateTime(r.declaredAt()), r.resolvedAt() == null ? null : Times.duration(r.declaredAt(), r.resolvedAt()),
                    r.why(), r.postmortemUrl(), followUps));
        }
        return items;
    }

    /** @return the default layout's section, ending with a blank line, or "" when there are no related incidents */
    static String markdown(List<DraftModel.RelatedItem> items) {
        if (items.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("## Related incidents\n\n");
        for (DraftModel.RelatedItem r : items) {
            s.append("- **Incident ").append(r.number()).append(": ").append(r.title()).append("**")
                    .append(" (").append(r.severity()).append(", ").append(r.declared()).append(", ")
                    .append(r.timeToResolve() == null ? "still open" : "resolved in " + r.timeToResolve()).append("; ")
                    .append(r.why()).append(')');
            if (r.postmortemUrl() != null) {
                s.append(' ').append(Md.link("postmortem draft", r.postmortemUrl()));
            }
            s.append('\n');
            for (DraftModel.RelatedFollowUp f : r.followUps()) {
                List<String> about = new ArrayList<>();
                about.add(f.owner() == null ? "no owner" : f.owner());
                if (f.due() != null) {
                    about.add("due " + f.due());
                }
                if ("wont_do".equals(f.state())) {
                    about.add("won't do");
                }
                if (f.issueUrl() != null) {
                    about.add(Md.link(f.issueKey() == null ? "issue" : f.issueKey(), f.issueUrl()));
                }
                Md.item(s, 1, "open".equals(f.state()) ? "[ ] " : "[x] ", f.text() + " (" + String.join(", ", about) + ")");
            }
        }
        return s.append('\n').toString();
    }
}
