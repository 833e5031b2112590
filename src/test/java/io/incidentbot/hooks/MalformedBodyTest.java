package io.incidentbot.hooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Whatever is wrong with a body, the answer is one readable line, never a parser dump. */
class MalformedBodyTest {

    private static String problem(String body) {
        MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class,
                () -> AlertmanagerPayload.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("refused: %s", body).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "com.fasterxml", "Source:", "StreamReadConstraints");
        assertThat(e.getStackTrace()).as("no stack trace to leak").isEmpty();
        return e.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"groupKey\": ", "{\"a\":1}}", "{'a':1}"})
    void notJsonSaysWhere(String body) {
        assertThat(problem(body)).startsWith("malformed JSON at line 1 column ");
    }

    @Test
    void anEmptyBodyOrANonObjectIsNamed() {
        assertThat(problem("")).isEqualTo("empty body: expected a JSON object");
        assertThat(problem("   ")).isEqualTo("empty body: expected a JSON object");
        assertThat(problem("[1,2]")).isEqualTo("body: expected a JSON object, got an array");
        assertThat(problem("\"firing\"")).isEqualTo("body: expected a JSON object, got the string \"firing\"");
    }

    @Test
    void absurdNestingIsRefusedBeforeItIsBuilt() {
        String deep = "{\"a\":".repeat(HookJson.MAX_NESTING_DEPTH + 1) + "1" + "}".repeat(HookJson.MAX_NESTING_DEPTH + 1);
        assertThat(problem(deep)).isEqualTo("JSON nested deeper than 64 levels");
        String deepArray = "{\"alerts\":" + "[".repeat(100_000);
        assertThat(problem(deepArray)).isEqualTo("JSON nested deeper than 64 levels");
    }

    @Test
    void aDuplicatedFieldIsRefused() {
        assertThat(problem("{\"groupKey\":\"a\",\"groupKey\":\"b\"}")).contains("Duplicate field 'groupKey'");
    }

    @Test
    void everyParserGivesTheSameKindOfLine() {
        byte[] bad = "{".getBytes(StandardCharsets.UTF_8);
        Clock clock = Clock.systemUTC();
        for (Runnable parse : new Runnable[] {
                () -> GrafanaPayload.parse(bad),
                () -> GenericAlertPayload.parse(bad, clock),
                () -> GenericChangePayload.parse(bad, clock),
                () -> GitHubEvents.parse("push", bad)}) {
            MalformedPayloadException e = catchThrowableOfType(MalformedPayloadException.class, parse::run);
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("malformed JSON at line 1").doesNotContain("\n");
        }
    }
}
