package io.incidentbot.slack.interactions;

import io.incidentbot.incident.QuotedMessage;
import io.incidentbot.timeline.SlackTs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortcutMetadataTest {
    @Test
    void aLongMessageIsCutSoTheMetadataFitsSlacksLimitAndReadsBack() {
        String ts = "1712345678.000200";
        String text = "\"quoted\" \\ & <tag>\n".repeat(4000);
        QuotedMessage m = new QuotedMessage("CGENERAL1", ts, SlackTs.toInstant(ts), "UBOB00001", text);

        String metadata = Shortcuts.metadata(m);

        assertThat(metadata.length()).isLessThanOrEqualTo(3000);
        QuotedMessage back = Shortcuts.read(metadata).orElseThrow();
        assertThat(back.channel()).isEqualTo("CGENERAL1");
        assertThat(back.ts()).isEqualTo(ts);
        assertThat(back.at()).isEqualTo(m.at());
        assertThat(back.author()).isEqualTo("UBOB00001");
        assertThat(text).startsWith(back.text().substring(0, back.text().length() - 1));
        assertThat(Shortcuts.read("not json")).isEmpty();
        assertThat(Shortcuts.read("7")).isEmpty();
    }
}
