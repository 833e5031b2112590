package io.incidentbot.slack.web;

import io.incidentbot.outbox.TestClock;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declare forms' user group suggestions: {@code usergroups.list} through the Slack stand-in (Slack's documented
 * answer), filtered by what was typed, read once a minute, and no suggestions (never an error) when Slack refuses.
 */
class SlackUsergroupsTest {
    SlackStandIn slack;
    TestClock clock = new TestClock(Instant.parse("2026-12-08T03:00:00Z"));
    SlackUsergroups groups;

    @BeforeEach
    void start() throws Exception {
        slack = new SlackStandIn();
        slack.namedUsergroup("S0SECTEAM1", "security", "Security responders", List.of("USECOPS01"));
        slack.namedUsergroup("S0DBAS0001", "dba-oncall", "Database on-call", List.of("UDBA00001"));
        slack.namedUsergroup("S0WEB00001", "web", "Web platform (security reviews)", List.of("UWEB00001"));
        groups = new SlackUsergroups(SlackSdk.forApi(slack.apiUrl()).methods(SlackStandIn.BOT_TOKEN), clock);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
    }

    private List<String> ids(String typed) {
        return groups.matching(typed, 100).stream().map(SlackUsergroups.Group::id).toList();
    }

    @Test
    void whatWasTypedMatchesAHandleOrANameInAnyCaseAndPrefixesComeFirst() {
        assertThat(ids("SECUR")).as("the handle and name that start with it, then a name that only contains it")
                .containsExactly("S0SECTEAM1", "S0WEB00001");
        assertThat(ids("@dba")).as("a handle typed with its @").containsExactly("S0DBAS0001");
        assertThat(ids("on-call")).containsExactly("S0DBAS0001");
        assertThat(ids("")).as("nothing typed: every group, by handle").containsExactly("S0DBAS0001", "S0SECTEAM1", "S0WEB00001");
        assertThat(ids("nobody")).isEmpty();
        assertThat(groups.matching("", 2)).hasSize(2);
        assertThat(groups.matching("sec", 1).get(0)).isEqualTo(
                new SlackUsergroups.Group("S0SECTEAM1", "security", "Security responders"));
    }

    @Test
    void theListIsReadOnceAMinuteNotOnEveryKeystroke() {
        ids("s");
        ids("se");
        ids("sec");
        assertThat(slack.calls("usergroups.list")).hasSize(1);
        slack.namedUsergroup("S0NEW00001", "sre", "SRE", List.of("USRE00001"));
        clock.advance(SlackUsergroups.FRESH.minusSeconds(1));
        assertThat(ids("sre")).as("still the list read a minute ago").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(ids("sre")).containsExactly("S0NEW00001");
        assertThat(slack.calls("usergroups.list")).hasSize(2);
    }

    @Test
    void aRefusedListSuggestsNothingAndIsAskedAgainOnlyAfterAWhile() {
        slack.refuseUsergroupsList("plan_upgrade_required");
        assertThat(ids("sec")).isEmpty();
        slack.refuseUsergroupsList(null);
        assertThat(ids("sec")).as("not asked again at once").isEmpty();
        assertThat(slack.calls("usergroups.list")).hasSize(1);
        clock.advance(SlackUsergroups.AFTER_FAILURE);
        assertThat(ids("sec")).containsExactly("S0SECTEAM1", "S0WEB00001");

        slack.loseNextAnswer("usergroups.list"); // HTTP 500
        clock.advance(SlackUsergroups.FRESH);
        assertThat(ids("sec")).as("a server error is no error in the form either").isEmpty();
    }
}
