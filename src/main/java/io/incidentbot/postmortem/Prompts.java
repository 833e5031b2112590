package io.incidentbot.postmortem;

/** The prompts in sections people write themselves: short questions, blameless by construction. */
final class Prompts {
    static final String SUMMARY = "_To do: in two or three sentences, what happened, who was affected, "
            + "and how it was resolved._";
    static final String RESOLUTION = "_To do: how was it resolved?_";
    static final String SUMMARY_DRAFTED = "_To do: this summary was drafted from what the channel recorded; edit it "
            + "into two or three sentences: what happened, who was affected, and how it was resolved._";
    static final String IMPACT_DRAFTED = "_To do: who and what was affected, for how long, and how badly? "
            + "The first lines were drafted from the incident's record; correct them and add the rest._";
    static final String IMPACT_QUESTIONS = """
            - _Customers or internal users affected, and how (errors, slowness, data)._
            - _Size: failed requests or orders, error rate, SLOs and error budget spent._
            - _How we know: link the dashboards and queries._""";
    static final String METRICS = "_Measured from the incident's record: times from the declaration, "
            + "people, status updates and follow-ups._";
    static final String KEY_EVENTS = "_Numbers match the numbered markers in the timeline picture. Status, severity and role changes, notes, status updates, follow-ups, "
            + "and messages that were pinned or marked with :pushpin:. Every message is in the appendix._";
    static final String NO_KEY_EVENTS = "_No key events were recorded. Pin messages, or react with :pushpin:, "
            + "during an incident to bring them here; the full log is in the appendix._";
    static final String ROOT_CAUSE = """
            _To do: describe how the system allowed this, not who to blame: people acted on what they knew at the time._
            - _Trigger: what change or event started it?_
            - _Root cause: why did that lead to an incident? Keep asking "why" until you reach \
            something you can change._
            - _Contributing factors: what made it worse, or slower to detect, diagnose or fix \
            (alerts, dashboards, runbooks, tooling, capacity, process)?_""";
    static final String WENT_WELL = "_To do: what helped? Detection, tools, runbooks, people's calls "
            + "worth repeating._";
    static final String WENT_WRONG = "_To do: what got in the way? Missing alerts, unclear ownership, "
            + "slow or risky tooling, confusing signals._";
    static final String LUCKY = "_To do: what went our way by chance and would not next time "
            + "(quiet hours, the right person online, a cached copy)?_";
    static final String NO_FOLLOW_UPS = "_No follow-ups were recorded. Add them with "
            + "`/incident action <text> [@owner]`, or list them here: one change per line, each with an owner._";

    private Prompts() {
    }
}
