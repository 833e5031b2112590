package io.incidentbot.pager;

import io.incidentbot.incident.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When an incident pages, and when it does not. */
class PagingRulesTest {
    private static final Instant T0 = Instant.parse("2026-03-01T03:12:00Z");
    private final PagingRules sev2 = new PagingRules(Severity.SEV2);

    private static Page page(Page.State state) {
        return new Page(1, PagerKind.PAGERDUTY, "incident-bot-1", state, T0, T0, null, null, null, null, null, null, null);
    }

    @Test
    void declaringAtOrAboveTheThresholdPagesAndBelowItDoesNot() {
        assertThat(sev2.pagesOnDeclare(Severity.SEV1)).isTrue();
        assertThat(sev2.pagesOnDeclare(Severity.SEV2)).isTrue();
        assertThat(sev2.pagesOnDeclare(Severity.SEV3)).isFalse();
        assertThat(new PagingRules(Severity.SEV4).pagesOnDeclare(Severity.SEV4)).isTrue();
        assertThat(new PagingRules(null).pagesOnDeclare(Severity.SEV1)).as("off never pages").isFalse();
    }

    @Test
    void raisingIntoTheThresholdPagesOnceAndLoweringDoesNotUnpage() {
        assertThat(sev2.pagesOnSeverityChange(Severity.SEV3, Severity.SEV2, List.of())).isTrue();
        assertThat(sev2.pagesOnSeverityChange(Severity.SEV4, Severity.SEV1, List.of())).isTrue();
        assertThat(sev2.pagesOnSeverityChange(Severity.SEV3, Severity.SEV1, List.of(page(Page.State.TRIGGERED))))
                .as("already paged").isFalse();
        assertThat(sev2.pagesOnSeverityChange(Severity.SEV3, Severity.SEV1, List.of(page(Page.State.RESOLVED))))
                .as("paged before, then lowered and raised again: once is once").isFalse();
        assertThat(sev2.pagesOnSeverityChange(Severity.SEV2, Severity.SEV1, List.of())).as("already in range").isFalse();
        assertThat(sev2.pagesOnSeverityChange(Severity.SEV1, Severity.SEV3, List.of(page(Page.State.TRIGGERED))))
                .as("lowering").isFalse();
    }

    @Test
    void resolveResolvesOpenPagesAndReopenTriggersResolvedOnes() {
        assertThat(sev2.resolvesOnResolve(page(Page.State.TRIGGERED))).isTrue();
        assertThat(sev2.resolvesOnResolve(page(Page.State.ACKNOWLEDGED))).isTrue();
        assertThat(sev2.resolvesOnResolve(page(Page.State.RESOLVED))).isFalse();
        assertThat(sev2.triggersOnReopen(page(Page.State.RESOLVED))).isTrue();
        assertThat(sev2.triggersOnReopen(page(Page.State.TRIGGERED))).isFalse();
    }
}
