package io.incidentbot.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README a newcomer reads: a table of contents whose links land on headings, "Run it against Slack"
 * right after the two set-up commands, a Kubernetes heading, contributor and performance material in
 * CONTRIBUTING.md and bench/README.md, and none of the stale lines issue 24 found.
 */
class ReadmeTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(#([^)]+)\\)");

    private static List<String> headings(String markdown, String prefix) {
        List<String> out = new ArrayList<>();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            code ^= line.startsWith("```");
            if (!code && line.startsWith(prefix)) {
                out.add(line.substring(prefix.length()));
            }
        }
        return out;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    private static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
    }

    @Test
    void theTableOfContentsLinksEverySectionAndEachLinkLandsOnAHeading() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> anchors = new ArrayList<>();
        for (String h : headings(readme, "## ")) {
            anchors.add(anchor(h));
        }
        for (String h : headings(readme, "### ")) {
            anchors.add(anchor(h));
        }
        String contents = readme.substring(readme.indexOf("## Contents"), readme.indexOf("## Set-up"));
        for (String h : headings(readme, "## ")) {
            if (!h.equals("Contents")) {
                assertThat(contents).as("Contents lists %s", h).contains("](#" + anchor(h) + ")");
            }
        }
        Matcher m = LINK.matcher(readme);
        while (m.find()) {
            assertThat(anchors).as("#%s is a heading", m.group(1)).contains(m.group(1));
        }
    }

    @Test
    void runItAgainstSlackComesRightAfterTheSetUpAndKubernetesHasAHeading() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> sections = headings(readme, "## ");
        assertThat(sections.get(sections.indexOf("Set-up: the two commands") + 1)).isEqualTo("Run it against Slack");
        String run = readme.substring(readme.indexOf("## Run it against Slack"), readme.indexOf("## What it does"));
        assertThat(run).contains("manifest.yml").contains("SLACK_BOT_TOKEN").contains("java -jar target/incident-bot.jar");
        assertThat(headings(readme, "### ")).contains("Kubernetes");
    }

    @Test
    void contributorAndPerformanceMaterialMovedWithALinkLeft() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String contributing = Files.readString(Path.of("CONTRIBUTING.md"));
        assertThat(headings(contributing, "## ")).contains("How it is built", "Tests");
        assertThat(headings(contributing, "### ")).contains("Where each kind of change goes");
        assertThat(headings(readme, "## ")).doesNotContain("How it is built", "Tests", "Performance");
        assertThat(readme).contains("(CONTRIBUTING.md)").contains("(bench/README.md)");
        assertThat(Files.readString(Path.of("bench/README.md"))).contains("## Summary (moved from the main README)");
    }

    @Test
    void theStaleLinesAreGone() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).doesNotContain("later reminders").doesNotContain("Bolt for Java 1.48")
                .doesNotContain("\"status\":\"up\"").doesNotContain("run `.ci/postgres.sh` themselves");
        String table = readme.substring(readme.indexOf("## What it does"), readme.indexOf("## Buttons"));
        assertThat(table).contains("| `changes` |");
        assertThat(Files.readString(Path.of("CONTRIBUTING.md"))).doesNotContain("run `.ci/postgres.sh` themselves");
    }
}
