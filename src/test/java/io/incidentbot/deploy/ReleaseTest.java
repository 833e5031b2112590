package io.incidentbot.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The release's files agree (RELEASING.md): the pom's version, the CHANGELOG, the image label and tag. */
class ReleaseTest {

    private static String pomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>incident-bot</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(m.find()).as("the project's <version>").isTrue();
        return m.group(1);
    }

    @Test
    void thePomIsAReleaseNotASnapshot() throws IOException {
        assertThat(pomVersion()).matches("\\d+\\.\\d+\\.\\d+").isEqualTo("0.2.0");
    }

    @Test
    void theChangelogHasAnEmptyUnreleasedSectionAboveTheDatedRelease() throws IOException {
        List<String> headings = Files.readAllLines(Path.of("CHANGELOG.md")).stream()
                .filter(l -> l.startsWith("## ")).toList();
        assertThat(headings.get(0)).isEqualTo("## [Unreleased]");
        assertThat(headings.get(1)).matches("## \\[" + Pattern.quote(pomVersion()) + "] - \\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void theImageIsLabelledWithTheVersion() throws IOException {
        DockerfileInstructions stage = DockerfileInstructions.read(Path.of("Dockerfile")).finalStage();
        String version = stage.all("ARG").stream().map(DockerfileInstructions.Instruction::args)
                .filter(a -> a.startsWith("VERSION=")).map(a -> a.substring("VERSION=".length()))
                .findFirst().orElse(null);
        assertThat(version).as("ARG VERSION in the final stage").isEqualTo(pomVersion());
        assertThat(stage.all("LABEL")).extracting(DockerfileInstructions.Instruction::args)
                .anySatisfy(l -> assertThat(l).contains("org.opencontainers.image.version=\"${VERSION}\""));
    }

    @Test
    void theKubernetesDeploymentRunsThisVersion() throws IOException {
        assertThat(Files.readString(Path.of("deploy/kubernetes/base/deployment.yaml")))
                .contains("incident-bot:" + pomVersion());
    }

    @Test
    void releasingSaysHowATagIsCutAndWhatTheLatestReleaseIs() throws IOException {
        String releasing = Files.readString(Path.of("RELEASING.md"));
        assertThat(releasing).contains("git tag -a v").contains("latest release").contains("SECURITY.md");
        assertThat(Files.readString(Path.of("SECURITY.md"))).contains("latest release");
    }
}
