package io.incidentbot.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelMatchersTest {

    @Test
    void unsetOrBlankMeansSeverityCritical() {
        assertThat(LabelMatchers.parse(null).toString()).isEqualTo("severity=\"critical\"");
        assertThat(LabelMatchers.parse("  ")).isEqualTo(LabelMatchers.defaults());
        assertThat(LabelMatchers.defaults().matches(Map.of("severity", "critical", "team", "db"))).isTrue();
        assertThat(LabelMatchers.defaults().matches(Map.of("severity", "warning"))).isFalse();
        assertThat(LabelMatchers.defaults().matches(Map.of())).isFalse();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '#', value = {
            "severity=critical,team=db  #  severity=critical;team=db  #  true",
            "severity=critical,team=db  #  severity=critical;team=web  #  false",
            "severity!=info  #  severity=critical  #  true",
            "severity!=info  #  team=db  #  true",
            "severity=~crit.*  #  severity=critical  #  true",
            "severity=~crit  #  severity=critical  #  false",
            "severity=~\"critical|page\"  #  severity=page  #  true",
            "severity!~\"info|warning\"  #  severity=warning  #  false",
            "severity!~\"info|warning\"  #  team=db  #  true",
            "team=~\".*\"  #  severity=critical  #  true",
            "team=\"\"  #  severity=critical  #  true",
            "{severity=\"critical\", env=prod}  #  severity=critical;env=prod  #  true",
            "severity=critical,  #  severity=critical  #  true",
            "summary=\"a, b\"  #  summary=a, b  #  true",
            "path=\"C:\\\\x\"  #  path=C:\\x  #  true",
    })
    void matchesLikeAlertmanager(String matchers, String labels, boolean expected) {
        Map<String, String> set = new java.util.HashMap<>();
        for (String kv : labels.split(";")) {
            String[] p = kv.split("=", 2);
            set.put(p[0], p[1]);
        }
        assertThat(LabelMatchers.parse(matchers).matches(set)).isEqualTo(expected);
    }

    @Test
    void badMatchersAreNamedInOneLine() {
        assertThatThrownBy(() -> LabelMatchers.parse("severity"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label matcher \"severity\": expected one of =, !=, =~, !~ after \"severity\"");
        assertThatThrownBy(() -> LabelMatchers.parse("=critical"))
                .hasMessage("label matcher \"=critical\": expected a label name ([a-zA-Z_][a-zA-Z0-9_]*) first");
        assertThatThrownBy(() -> LabelMatchers.parse("severity=~(crit"))
                .hasMessageStartingWith("label matcher \"severity=~(crit\": invalid regular expression: ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> LabelMatchers.parse("severity=\"critical"))
                .hasMessage("label matcher \"severity=\"critical\": missing closing quote");
        assertThatThrownBy(() -> LabelMatchers.parse("a=b,,c=d"))
                .hasMessage("label matchers \"a=b,,c=d\": empty matcher between commas");
    }
}
