package io.incidentbot.process.slack;

import io.incidentbot.incident.Severity;
import io.incidentbot.process.Process;
import io.incidentbot.process.ProcessFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /incident declare [--type <type>] [sev1-4] [--field <name>=<value> ...] <title>} read against the process file
 * of docs/process.example.yaml, with command text as Slack sends it ({@code should_escape}: {@code <@U123|bob>},
 * {@code <https://...>}, {@code &amp;}).
 */
class DeclareOptionsTest {
    static final Process PROCESS = ProcessFile.read(Path.of("docs/process.example.yaml"));

    static DeclareOptions parse(String rest) {
        return DeclareOptions.parse(PROCESS, rest);
    }

    @Test
    void fieldsMayComeBeforeOrAfterTheTitleAndValuesAreCheckedAndStoredAsWithTheFieldCommand() {
        DeclareOptions o = parse("--type security sev1 --field data_exposed=Confirmed --field cve=\"CVE-2026-0001 (openssl)\""
                + " Token leaked in CI logs --field reporter=<@UBOB00001|bob> --field AFFECTED_ACCOUNTS=1200");
        assertThat(o.refusal()).isNull();
        assertThat(o.type().name()).isEqualTo("security");
        assertThat(o.severity()).isEqualTo(Severity.SEV1);
        assertThat(o.title()).isEqualTo("Token leaked in CI logs");
        assertThat(o.fields()).isEqualTo(Map.of("data_exposed", "confirmed", "cve", "CVE-2026-0001 (openssl)",
                "reporter", "UBOB00001", "affected_accounts", "1200"));
        assertThat(o.notSet()).isEmpty();
    }

    @Test
    void withoutATypeTheFieldsAreTheDefaultTypesAndCurlyQuotesLinksAndCommasWork() {
        DeclareOptions o = parse("sev2 --field \u201cservices=api, billing\u201d --field ticket=<https://support.example.com/T-1>"
                + " Checkout &amp; billing errors");
        assertThat(o.refusal()).isNull();
        assertThat(o.type().name()).isEqualTo("default");
        assertThat(o.severity()).isEqualTo(Severity.SEV2);
        assertThat(o.title()).isEqualTo("Checkout & billing errors");
        assertThat(o.fields()).isEqualTo(Map.of("services", "api\nbilling", "ticket", "https://support.example.com/T-1"));
        assertThat(o.notSet()).as("declared anyway; the answer says what is still required at SEV2")
                .isEqualTo(" Required fields not set yet: Customer impact (`customer_impact`); set them in the incident channel"
                        + " with `/incident field <name> <value>`.");
        assertThat(parse("--field services=api Search slow").notSet()).as("customer_impact is only required at SEV1-2")
                .isEmpty();
        assertThat(parse("--field services=api Search slow sev1").title()).as("a severity after the title is a word of it")
                .isEqualTo("Search slow sev1");
        assertThat(parse("--type security --field cve=X Leak").severity()).as("the type's severity").isEqualTo(Severity.SEV2);
    }

    @Test
    void aWrongNameListsTheTypesFieldsAndAWrongValueSaysWhatTheFieldTakesEveryMistakeAtOnce() {
        assertThat(parse("--type security --field severity=high --field data_exposed=maybe --field affected_accounts=many Leak")
                .refusal()).isEqualTo("Incidents of type security have no field `severity`; they have: data_exposed, cve,"
                + " affected_accounts, reporter. Customer data exposed? takes one of: no, suspected, confirmed."
                + " Accounts affected takes a number, such as 42 or 3.5. Nothing was declared.");
        assertThat(parse("--type security --field reporter=bob Leak").refusal())
                .isEqualTo("Reported by takes a person: mention them, e.g. @alice. Nothing was declared.");
        assertThat(parse("--field customer_impact Checkout down").refusal()).isEqualTo(
                "`--field` takes `<name>=<value>`, e.g. `--field customer_impact=all`; `customer_impact` has no `=`. Nothing was declared.");
        assertThat(parse("Checkout down --field").refusal()).startsWith("`--field` needs `<name>=<value>`.");
        assertThat(parse("--type secrity Token leaked").refusal())
                .isEqualTo("There is no incident type `secrity`. The types are: default, security.");
    }

    @Test
    void onlyATypeOrAFieldOptionMakesADeclareTyped() {
        assertThat(DeclareOptions.given("sev1 Checkout down")).isFalse();
        assertThat(DeclareOptions.given("Disk \"--field\" full")).as("a quoted word is text").isFalse();
        assertThat(DeclareOptions.given("sev1 --type security Leak")).isTrue();
        assertThat(DeclareOptions.given("Checkout down --field customer_impact=all")).isTrue();
    }
}
