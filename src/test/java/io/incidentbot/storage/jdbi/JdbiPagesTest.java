package io.incidentbot.storage.jdbi;

import io.incidentbot.pager.DedupKey;
import io.incidentbot.pager.Page;
import io.incidentbot.pager.PagerKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Page state per incident and pager, and webhook idempotency (issue 21), on SQLite (and PostgreSQL in the subclass). */
class JdbiPagesTest extends SqliteTest {
    private Page page(long incident, PagerKind pager) {
        return storage.read(r -> r.pages().find(incident, pager)).orElseThrow();
    }

    private boolean flag(io.incidentbot.store.Storage.Work<Boolean> work) {
        return tx(work);
    }

    @Test
    void aPageIsTriggeredAcknowledgedAndResolvedOnceEachAndRemembersWhoAndWhen() {
        long n = declare("Checkout down");
        run(r -> r.pages().triggered(n, PagerKind.PAGERDUTY, DedupKey.of(n), "U_PAGER", T0));
        Page p = page(n, PagerKind.PAGERDUTY);
        assertThat(p.state()).isEqualTo(Page.State.TRIGGERED);
        assertThat(p.dedupKey()).isEqualTo("incident-bot-" + n);
        assertThat(p.pagedBy()).isEqualTo("U_PAGER");
        assertThat(p.firstPagedAt()).isEqualTo(T0);

        assertThat(flag(r -> r.pages().acknowledged(n, PagerKind.PAGERDUTY, "U_ONCALL", T0.plusSeconds(180)))).isTrue();
        assertThat(flag(r -> r.pages().acknowledged(n, PagerKind.PAGERDUTY, "U_OTHER", T0.plusSeconds(200))))
                .as("already acknowledged").isFalse();
        assertThat(page(n, PagerKind.PAGERDUTY).acknowledgedBy()).isEqualTo("U_ONCALL");
        assertThat(page(n, PagerKind.PAGERDUTY).timeToAcknowledge()).isEqualTo(Duration.ofMinutes(3));

        assertThat(flag(r -> r.pages().resolved(n, PagerKind.PAGERDUTY, T0.plusSeconds(600)))).isTrue();
        assertThat(flag(r -> r.pages().resolved(n, PagerKind.PAGERDUTY, T0.plusSeconds(601)))).isFalse();
        assertThat(page(n, PagerKind.PAGERDUTY).open()).isFalse();
    }

    @Test
    void triggeringAgainReopensThePageButKeepsTheFirstPageAndAcknowledgementTimes() {
        long n = declare("DB slow");
        run(r -> r.pages().triggered(n, PagerKind.GOALERT, DedupKey.of(n), null, T0));
        run(r -> r.pages().acknowledged(n, PagerKind.GOALERT, "U_A", T0.plusSeconds(60)));
        run(r -> r.pages().error(n, PagerKind.GOALERT, "GoAlert answered 401: unauthorized"));
        run(r -> r.pages().resolved(n, PagerKind.GOALERT, T0.plusSeconds(120)));
        run(r -> r.pages().triggered(n, PagerKind.GOALERT, DedupKey.of(n), "U_B", T0.plusSeconds(300)));

        Page p = page(n, PagerKind.GOALERT);
        assertThat(p.state()).isEqualTo(Page.State.TRIGGERED);
        assertThat(p.firstPagedAt()).isEqualTo(T0);
        assertThat(p.pagedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(p.pagedBy()).isEqualTo("U_B");
        assertThat(p.resolvedAt()).isNull();
        assertThat(p.error()).isNull();
        assertThat(p.firstAcknowledgedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(flag(r -> r.pages().unacknowledged(n, PagerKind.GOALERT))).as("not acknowledged now").isFalse();
    }

    @Test
    void pagesAreFoundByIncidentAndByThePagersOwnId() {
        long a = declare("A");
        long b = declare("B");
        run(r -> r.pages().triggered(a, PagerKind.PAGERDUTY, DedupKey.of(a), null, T0));
        run(r -> r.pages().triggered(a, PagerKind.JSM_OPS, DedupKey.of(a), null, T0.plusSeconds(1)));
        run(r -> r.pages().triggered(b, PagerKind.PAGERDUTY, DedupKey.of(b), null, T0));
        run(r -> r.pages().externalId(b, PagerKind.PAGERDUTY, "PGR0VU2"));

        java.util.List<Page> pagesOfA = storage.read(r -> r.pages().forIncident(a));
        java.util.Optional<Page> byId = storage.read(r -> r.pages().byExternalId(PagerKind.PAGERDUTY, "PGR0VU2"));
        java.util.Optional<Page> otherPager = storage.read(r -> r.pages().byExternalId(PagerKind.JSM_OPS, "PGR0VU2"));
        assertThat(pagesOfA).extracting(Page::pager)
                .containsExactly(PagerKind.PAGERDUTY, PagerKind.JSM_OPS);
        assertThat(byId).get()
                .extracting(Page::incident).isEqualTo(b);
        assertThat(otherPager).isEmpty();
    }

    @Test
    void aWebhookEventIsAppliedOnlyOnItsFirstDelivery() {
        assertThat(flag(r -> r.pages().firstDelivery("pagerduty", "01BRB6ZP4M", T0))).isTrue();
        assertThat(flag(r -> r.pages().firstDelivery("pagerduty", "01BRB6ZP4M", T0.plusSeconds(5)))).isFalse();
        assertThat(flag(r -> r.pages().firstDelivery("jsm-ops", "01BRB6ZP4M", T0))).as("another source").isTrue();
    }
}
