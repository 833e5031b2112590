package io.incidentbot.postmortem;

import io.incidentbot.postmortem.DraftModel.Milestone;

import java.util.List;

/**
 * A {@link DraftModel} with every field set and every list holding one item, against which {@link DraftTemplate}
 * checks a template at start: each section is entered, so each name in the file is looked up once.
 */
final class DraftSample {
    private DraftSample() {
    }

    static DraftModel model() {
        Milestone m = new Milestone("Declared", "2026-03-14 22:58", "0 min");
        DraftModel.Row row = DraftModels.row("Severity", "SEV1");
        DraftModel.KeyEvent key = new DraftModel.KeyEvent(1, "2026-03-14", "22:58", "Alice", false, "Declared SEV1",
                "- **(1)** 22:58 **Alice**: Declared SEV1\n");
        DraftModel.LogThread thread = new DraftModel.LogThread("2026-03-14", "22:59", true, "Alice", "Looking",
                List.of(new DraftModel.LogReply("23:00", false, "Bob", "Same here")), "- 22:59 Alice: Looking\n");
        return new DraftModel("UTC",
                new DraftModel.IncidentFields(42, "Orders DB failover", "SEV1", "resolved", "Alice", "Bob", "Carol",
                        "Alice", "#inc-42", "Checkout failing", "Failed over", "SEV1 Critical", "Incident commander",
                        "Comms", "Scribe"),
                new DraftModel.Milestones(m, m, m, m, m, "7 min", List.of(m)), List.of(row), List.of(row),
                List.of(new DraftModel.AlertRow("HighErrorRate", "2026-03-14 22:51", "2026-03-14 23:40", "49 min",
                        "https://grafana.example.com/d/1")),
                List.of(new DraftModel.ChangeLine("2026-03-14 22:40", "18 min", "Deploy", "orders", "prod", "dana",
                        "Bump pool size", "https://github.com/example/orders/pull/1")),
                Streamed.of(false, sink -> sink.accept(key)), true, Streamed.of(false, sink -> sink.accept(thread)), 1,
                List.of(new DraftModel.FollowUpItem("Alert on WAL archiving", "Carol", "done", false, true, false, "2026-03-20",
                        "P1", "2026-03-18 10:00", "OPS-7", "https://acme.atlassian.net/browse/OPS-7",
                        "- [x] Alert on WAL archiving (Carol, due 2026-03-20, P1) — [OPS-7](https://acme.atlassian.net/browse/OPS-7)\n")),
                List.of(new DraftModel.Person("Alice", 3)),
                List.of(new DraftModel.ChecklistItem("Response", "Page the DBA", true, true, "Alice", "2026-03-01 10:05",
                        "| [x] Page the DBA (required) | Alice | 2026-03-01 10:05 |\n")), true,
                List.of(new DraftModel.CustomField("Customer impact", "Checkout")),
                "![picture](incident-42-timeline.png)", DraftModel.PromptTexts.DEFAULT,
                new DraftModel.Sections("## Alerts\n\n", "## Changes before the incident\n\n", "## Summary\n\n",
                        "## Impact\n\n", "- [ ] x\n\n", "- Alice — 3 messages\n\n", "1 message\n\n"));
    }
}
