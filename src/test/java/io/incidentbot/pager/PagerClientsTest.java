package io.incidentbot.pager;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.incident.Severity;
import io.incidentbot.testkit.GoAlertStandIn;
import io.incidentbot.testkit.JsmOpsStandIn;
import io.incidentbot.testkit.PagerDutyStandIn;
import io.incidentbot.testkit.PagerStandIn;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The three pager clients against their stand-ins: documented request shapes, and how answers are classified. */
class PagerClientsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T03:12:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String CHANNEL = "https://slack.com/app_redirect?channel=C0INC0012";

    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false).build();
    private final PagerDutyStandIn pagerDuty = new PagerDutyStandIn();
    private final JsmOpsStandIn jsm = new JsmOpsStandIn();
    private final GoAlertStandIn goAlert = new GoAlertStandIn();

    @AfterEach
    void close() throws Exception {
        pagerDuty.close();
        jsm.close();
        goAlert.close();
    }

    private static PageRequest page(Severity severity, String title, boolean privateIncident) {
        return new PageRequest(12, DedupKey.of(12), severity, title, privateIncident, "investigating", "Ada Lead",
                "Dee Clarer", null, null, CHANNEL, T0);
    }

    private PagerDutyClient pagerDutyClient() {
        return new PagerDutyClient(pagerDuty.eventsUrl(), PagerDutyStandIn.ROUTING_KEY, http, CLOCK);
    }

    private JsmOpsClient jsmClient() {
        return new JsmOpsClient(jsm.alertsUrl(), JsmOpsStandIn.API_KEY, http, CLOCK);
    }

    private GoAlertClient goAlertClient() {
        return new GoAlertClient(goAlert.integrationUrl(), http, CLOCK);
    }

    @Test
    void aPagerDutyTriggerCarriesTheDocumentedFieldsAndTheResolveUsesTheSameDedupKey() {
        PagerDutyClient client = pagerDutyClient();
        assertThat(client.trigger(page(Severity.SEV1, "Checkout down", false)).type()).isEqualTo(Delivery.Type.DONE);
        assertThat(pagerDuty.alert("incident-bot-12")).isEqualTo("triggered");

        JsonNode trigger = pagerDuty.events("trigger").get(0);
        assertThat(trigger.path("dedup_key").asText()).isEqualTo("incident-bot-12");
        assertThat(trigger.at("/payload/summary").asText()).isEqualTo("SEV1 incident 12: Checkout down");
        assertThat(trigger.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(trigger.at("/payload/source").asText()).isEqualTo("incident-bot");
        assertThat(trigger.at("/payload/timestamp").asText()).isEqualTo("2026-03-01T03:12:00Z");
        assertThat(trigger.at("/payload/custom_details/lead").asText()).isEqualTo("Ada Lead");
        assertThat(trigger.at("/payload/custom_details/declared by").asText()).isEqualTo("Dee Clarer");
        assertThat(trigger.at("/payload/custom_details/status").asText()).isEqualTo("investigating");
        assertThat(trigger.at("/links/0/href").asText()).isEqualTo(CHANNEL);

        assertThat(client.resolve(page(Severity.SEV1, "Checkout down", false)).type()).isEqualTo(Delivery.Type.DONE);
        JsonNode resolve = pagerDuty.events("resolve").get(0);
        assertThat(resolve.path("dedup_key").asText()).isEqualTo("incident-bot-12");
        assertThat(resolve.has("payload")).isFalse();
        assertThat(pagerDuty.alert("incident-bot-12")).isEqualTo("resolved");
    }

    @Test
    void eachSeverityMapsToItsPagerDutySeverityAndJsmPriority() {
        assertThat(Map.of(Severity.SEV1, PagerDutyClient.severity(Severity.SEV1), Severity.SEV2,
                PagerDutyClient.severity(Severity.SEV2), Severity.SEV3, PagerDutyClient.severity(Severity.SEV3),
                Severity.SEV4, PagerDutyClient.severity(Severity.SEV4)))
                .containsEntry(Severity.SEV1, "critical").containsEntry(Severity.SEV2, "error")
                .containsEntry(Severity.SEV3, "warning").containsEntry(Severity.SEV4, "info");
        for (Severity s : Severity.values()) {
            assertThat(pagerDutyClient().trigger(page(s, "t", false)).type()).as(s.name()).isEqualTo(Delivery.Type.DONE);
            assertThat(jsmClient().trigger(page(s, "t", false)).type()).as(s.name()).isEqualTo(Delivery.Type.DONE);
        }
        assertThat(jsm.accepted().stream().map(r -> r.json().path("priority").asText()))
                .containsExactly("P1", "P2", "P3", "P4");
    }

    @Test
    void aLongTitleIsCutToTheSummaryLimitAndAPrivateIncidentSendsNoTitleAnywhere() {
        String title = "x".repeat(2000);
        assertThat(pagerDutyClient().trigger(page(Severity.SEV2, title, false)).type()).isEqualTo(Delivery.Type.DONE);
        assertThat(pagerDuty.events("trigger").get(0).at("/payload/summary").asText()).hasSize(1024).endsWith("…");
        assertThat(jsmClient().trigger(page(Severity.SEV2, title, false)).type()).isEqualTo(Delivery.Type.DONE);
        assertThat(jsm.accepted().get(0).json().path("message").asText()).hasSize(130);

        PageRequest secret = page(Severity.SEV1, "Payroll leak at ACME", true);
        pagerDutyClient().trigger(secret);
        jsmClient().trigger(secret);
        goAlertClient().trigger(secret);
        for (PagerStandIn standIn : new PagerStandIn[]{pagerDuty, jsm, goAlert}) {
            assertThat(standIn.received()).last().satisfies(r -> assertThat(r.body())
                    .doesNotContain("Payroll").doesNotContain("Ada Lead").doesNotContain("Dee Clarer"));
        }
        assertThat(pagerDuty.events("trigger").get(1).at("/payload/summary").asText()).isEqualTo("private incident 12");
        assertThat(goAlert.received().get(0).form()).containsEntry("summary", "private incident 12");
    }

    @Test
    void jsmOpsCreatesWithTheAliasAndClosesByAliasWithTheGenieKey() {
        Delivery created = jsmClient().trigger(page(Severity.SEV2, "Login slow", false));
        assertThat(created.type()).as("202 is success").isEqualTo(Delivery.Type.DONE);
        assertThat(created.externalId()).as("the request ID").isNotBlank();
        PagerStandIn.Received create = jsm.received().get(0);
        assertThat(create.header("Authorization")).isEqualTo("GenieKey " + JsmOpsStandIn.API_KEY);
        assertThat(create.path()).isEqualTo("/v2/alerts");
        assertThat(create.json().path("alias").asText()).isEqualTo("incident-bot-12");
        assertThat(create.json().path("message").asText()).isEqualTo("SEV2 incident 12: Login slow");
        assertThat(create.json().path("source").asText()).isEqualTo("incident-bot");
        assertThat(create.json().path("description").asText()).contains("Lead: Ada Lead").contains(CHANNEL);
        assertThat(create.json().path("tags").toString()).contains("sev2");
        assertThat(jsm.alert("incident-bot-12")).isEqualTo("open");

        assertThat(jsmClient().resolve(page(Severity.SEV2, "Login slow", false)).type()).isEqualTo(Delivery.Type.DONE);
        PagerStandIn.Received close = jsm.received().get(1);
        assertThat(close.path()).isEqualTo("/v2/alerts/incident-bot-12/close");
        assertThat(close.query()).containsEntry("identifierType", "alias");
        assertThat(jsm.alert("incident-bot-12")).isEqualTo("closed");
    }

    @Test
    void goAlertGetsSummaryDetailsAndDedupAndCloseOnResolve() {
        Delivery d = goAlertClient().trigger(page(Severity.SEV1, "DB down", false));
        assertThat(d.type()).isEqualTo(Delivery.Type.DONE);
        assertThat(d.externalId()).as("GoAlert's AlertID").isEqualTo("11");
        Map<String, String> form = goAlert.received().get(0).form();
        assertThat(form).containsEntry("summary", "SEV1 incident 12: DB down").containsEntry("dedup", "incident-bot-12")
                .doesNotContainKey("action");
        assertThat(form.get("details")).contains("Severity: SEV1").contains(CHANNEL);
        assertThat(goAlert.received().get(0).query()).containsEntry("token", GoAlertStandIn.TOKEN);

        goAlertClient().resolve(page(Severity.SEV1, "DB down", false));
        assertThat(goAlert.received().get(1).form()).containsEntry("action", "close").containsEntry("dedup", "incident-bot-12");
        assertThat(goAlert.alert("incident-bot-12")).isEqualTo("closed");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAfterTheWaitThePagerAskedFor() {
        pagerDuty.failNext(429, "17", "{\"status\":\"throttle event\",\"message\":\"Requests for this service are arriving too quickly\"}");
        Delivery limited = pagerDutyClient().trigger(page(Severity.SEV1, "t", false));
        assertThat(limited.type()).isEqualTo(Delivery.Type.RETRY);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(limited.error()).contains("429").contains("arriving too quickly");

        jsm.failNext(503, "Sun, 01 Mar 2026 03:13:00 GMT", "{\"message\":\"Service unavailable\"}");
        Delivery unavailable = jsmClient().trigger(page(Severity.SEV1, "t", false));
        assertThat(unavailable.type()).isEqualTo(Delivery.Type.RETRY);
        assertThat(unavailable.retryAfter()).as("an HTTP date one minute on").isEqualTo(Duration.ofMinutes(1));

        goAlert.failNext(500, null, "");
        Delivery broken = goAlertClient().trigger(page(Severity.SEV1, "t", false));
        assertThat(broken.type()).isEqualTo(Delivery.Type.RETRY);
        assertThat(broken.retryAfter()).as("no Retry-After: back off").isNull();

        goAlert.disconnectNext();
        Delivery cut = goAlertClient().trigger(page(Severity.SEV1, "t", false));
        assertThat(cut.type()).isEqualTo(Delivery.Type.RETRY);
        assertThat(cut.error()).startsWith("could not reach GoAlert").doesNotContain(GoAlertStandIn.TOKEN);
    }

    @Test
    void aWrongKeyOrAnInvalidEventFailsForGoodWithThePagersOwnError() {
        Delivery wrongKey = new PagerDutyClient(pagerDuty.eventsUrl(), "0".repeat(32), http, CLOCK)
                .trigger(page(Severity.SEV1, "t", false));
        assertThat(wrongKey.type()).isEqualTo(Delivery.Type.FAIL);
        assertThat(wrongKey.error()).isEqualTo("PagerDuty answered 400: Event object is invalid; Invalid routing key");

        Delivery unauthorized = new JsmOpsClient(jsm.alertsUrl(), "wrong-key-0000000000", http, CLOCK)
                .trigger(page(Severity.SEV1, "t", false));
        assertThat(unauthorized.type()).isEqualTo(Delivery.Type.FAIL);
        assertThat(unauthorized.error()).isEqualTo("JSM Ops answered 401: Could not authenticate")
                .doesNotContain("wrong-key");

        Delivery badToken = new GoAlertClient(goAlert.integrationUrl().newBuilder().setQueryParameter("token", "nope").build(),
                http, CLOCK).trigger(page(Severity.SEV1, "t", false));
        assertThat(badToken.type()).isEqualTo(Delivery.Type.FAIL);
        assertThat(badToken.error()).isEqualTo("GoAlert answered 401: unauthorized");
    }
}
