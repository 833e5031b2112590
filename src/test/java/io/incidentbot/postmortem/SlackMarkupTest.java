package io.incidentbot.postmortem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlackMarkupTest {
    private static final DisplayNames NAMES = new DisplayNames(Map.of("U1", "Alice Chen"));

    private static String md(String slack) {
        return SlackMarkup.toMarkdown(slack, NAMES);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '~', textBlock = """
            <@U1>                                 ~ @Alice Chen
            <@U1|alice>                           ~ @Alice Chen
            <@U2|bob>                             ~ @bob
            <@U2>                                 ~ <@U2>
            <#C1|general>                         ~ #general
            <#C1>                                 ~ #C1
            <!here>                               ~ @here
            <!channel>                            ~ @channel
            <!everyone>                           ~ @everyone
            <!here|here>                          ~ @here
            <!subteam^S1|@oncall>                 ~ @oncall
            <!date^1773529145^{time}|22:59 UTC>   ~ 22:59 UTC
            <https://x.example/a|the docs>        ~ [the docs](https://x.example/a) (`https://x.example/a`)
            <https://x.example/a>                 ~ https://x.example/a
            <https://x.example/a|https://x.example/a> ~ https://x.example/a
            <mailto:a@x.example|mail me>          ~ [mail me](mailto:a@x.example) (`mailto:a@x.example`)
            a &amp; b                             ~ a & b
            5 &gt; 3 and 2 &lt; 4                 ~ 5 > 3 and 2 < 4
            """)
    void convertsSlackMarkup(String slack, String markdown) {
        assertThat(md(slack)).isEqualTo(markdown);
    }

    @Test
    void linksKeepEscapedAmpersandsInTheirAddressAndLabel() {
        assertThat(md("<https://g.example/d?a=1&amp;b=2|CPU &amp; memory>"))
                .isEqualTo("[CPU & memory](https://g.example/d?a=1&b=2) (`https://g.example/d?a=1&b=2`)");
    }

    @Test
    void linkLabelsCannotCloseTheLinkEarly() {
        assertThat(md("<https://x.example|see [1]>")).isEqualTo("[see \\[1\\]](https://x.example) (`https://x.example`)");
    }

    @Test
    void linkAddressesWithParenthesesAreWrapped() {
        assertThat(md("<https://en.example/wiki/Foo_(bar)|Foo>")).isEqualTo("[Foo](<https://en.example/wiki/Foo_(bar)>) (`https://en.example/wiki/Foo_(bar)`)");
    }

    @Test
    void anEscapedAngleBracketThatCouldStartHtmlIsKeptVisible() {
        assertThat(md("set it to &lt;unset&gt; or &lt;/div&gt;")).isEqualTo("set it to \\<unset> or \\</div>");
    }

    @Test
    void severalTokensAndPlainTextMixOnSeveralLines() {
        assertThat(md("<@U1> look\n<https://a.example|A> &amp; <#C9|ops>"))
                .isEqualTo("@Alice Chen look\n[A](https://a.example) (`https://a.example`) & #ops");
    }

    @Test
    void nullAndEmptyTextBecomeEmpty() {
        assertThat(md(null)).isEmpty();
        assertThat(md("")).isEmpty();
    }

    @Test
    void slackBoldItalicAndStrikeAreLeftAsTheyAre() {
        assertThat(md("*bold* _italic_ ~gone~")).isEqualTo("*bold* _italic_ ~gone~");
    }

    @Test
    void codeBlocksThatStartAndEndMidLineGetFencesOnLinesOfTheirOwn() {
        assertThat(md("Fencing db-1:\n```sudo systemctl stop pg\nsudo systemctl mask pg```\nDone at 23:16."))
                .isEqualTo("Fencing db-1:\n```\nsudo systemctl stop pg\nsudo systemctl mask pg\n```\nDone at 23:16.");
        assertThat(md("run ```ls -l``` now")).isEqualTo("run\n```\nls -l\n```\nnow");
        assertThat(md("```\nselect 1;\n```")).isEqualTo("```\nselect 1;\n```");
    }

    @Test
    void insideCodeOnlyEntitiesAreConverted() {
        assertThat(md("`a &lt;b&gt; &amp; <c>` and &lt;d&gt;")).isEqualTo("`a <b> & <c>` and \\<d>");
        assertThat(md("```if a &lt; b &amp;&amp; <x>```")).isEqualTo("```\nif a < b && <x>\n```");
    }
}
