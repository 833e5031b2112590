package io.incidentbot.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentbot.deploy.DockerfileInstructions.Instruction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile, read as instructions: what the image promises in deploy/README.md (pinned base
 * images, a numeric non-root user, a health check without extra packages, the JVM flags, the
 * ports) holds. No Docker engine is needed; the JVM flags are tried on this machine's JVM.
 */
class DockerfileTest {
    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}\\b");
    private static final Pattern NUMERIC_USER = Pattern.compile("(\\d+)(?::(\\d+))?");
    private static DockerfileInstructions dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = DockerfileInstructions.read(Path.of("Dockerfile"));
    }

    /**
     * @param dockerfile the parsed Dockerfile
     * @return the numeric UID of the final stage's last {@code USER}
     */
    static long runtimeUid(DockerfileInstructions dockerfile) {
        List<Instruction> users = dockerfile.finalStage().all("USER");
        assertThat(users).as("USER in the final stage").isNotEmpty();
        Matcher m = NUMERIC_USER.matcher(users.get(users.size() - 1).args());
        assertThat(m.matches()).as("USER is numeric uid[:gid]: %s", users.get(users.size() - 1)).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void everyBaseImageIsPinnedByDigestOrByADigestArg() {
        Map<String, String> args = new HashMap<>();
        List<String> stages = new ArrayList<>();
        List<Instruction> froms = new ArrayList<>();
        for (Instruction i : dockerfile.instructions()) {
            if (i.keyword().equals("ARG") && i.args().contains("=")) {
                String[] kv = i.args().split("=", 2);
                args.put(kv[0].strip(), kv[1].strip().replace("\"", ""));
            }
            if (i.keyword().equals("FROM")) {
                froms.add(i);
                String[] words = i.args().split("\\s+");
                String image = words[words.length > 1 && words[0].startsWith("--") ? 1 : 0];
                if (stages.contains(image)) {
                    continue; // an earlier stage of this file
                }
                Matcher arg = Pattern.compile("\\$\\{?(\\w+)}?").matcher(image);
                String resolved = arg.matches() ? args.getOrDefault(arg.group(1), "") : image;
                assertThat(resolved).as("line %d: %s", i.line(), i.args()).containsPattern(DIGEST);
                int as = List.of(words).indexOf("AS");
                if (as > 0 && as + 1 < words.length) {
                    stages.add(words[as + 1]);
                }
            }
        }
        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.get(froms.size() - 1).args()).as("runtime image is a JRE 17").startsWith("eclipse-temurin:17-jre@");
    }

    @Test
    void theBotRunsAsANumericNonRootUser() {
        assertThat(runtimeUid(dockerfile)).isGreaterThanOrEqualTo(10000);
        String runs = String.join("\n", dockerfile.finalStage().all("RUN").stream().map(Instruction::args).toList());
        assertThat(runs).as("the user exists with that UID and owns /data")
                .contains("--uid " + runtimeUid(dockerfile)).contains("chown " + runtimeUid(dockerfile));
    }

    @Test
    void healthCheckNeedsNoExtraPackageAndAsksReadiness() throws IOException {
        List<Instruction> checks = dockerfile.finalStage().all("HEALTHCHECK");
        assertThat(checks).hasSize(1);
        String check = checks.get(0).args();
        assertThat(check).doesNotContainIgnoringCase("curl").doesNotContainIgnoringCase("wget").contains("/readyz");
        String runs = String.join("\n", dockerfile.all("RUN").stream().map(Instruction::args).toList());
        assertThat(runs).as("no package installed for it").doesNotContain("apt-get install").doesNotContain("apk add");
        // The script the check runs is copied from deploy/docker and uses bash's /dev/tcp.
        assertThat(dockerfile.finalStage().all("COPY")).extracting(Instruction::args)
                .anySatisfy(copy -> assertThat(copy).contains("deploy/docker/healthcheck.sh /app/healthcheck.sh"));
        assertThat(check).contains("/app/healthcheck.sh");
        assertThat(Files.readString(Path.of("deploy/docker/healthcheck.sh"))).startsWith("#!/bin/bash").contains("/dev/tcp/");
    }

    @Test
    void entryPointSizesTheHeapFromTheContainerAndUsesTheTrainedArchive() throws IOException {
        List<String> entry = entryPoint();
        assertThat(entry.get(0)).isEqualTo("java");
        assertThat(entry).contains("-XX:MaxRAMPercentage=75", "-Xshare:auto", "-jar", "/app/incident-bot.jar");
        String archive = entry.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .orElseThrow(() -> new AssertionError("no -XX:SharedArchiveFile in " + entry))
                .substring("-XX:SharedArchiveFile=".length());
        String training = dockerfile.finalStage().all("RUN").stream().map(Instruction::args)
                .filter(r -> r.contains("train-cds.sh")).findFirst()
                .orElseThrow(() -> new AssertionError("no AppCDS training run (train-cds.sh) in the final stage"));
        Matcher run = Pattern.compile("train-cds\\.sh (\\S+) (\\S+) /tmp/samples/export (\\S+)").matcher(training);
        assertThat(run.find()).as("training run: %s", training).isTrue();
        assertThat(run.group(1)).as("the training uses the entry point's jar path").isEqualTo("/app/incident-bot.jar");
        assertThat(run.group(2)).as("the training writes the archive the entry point reads").isEqualTo(archive);
        assertThat(Path.of("samples/export", run.group(3))).as("the sample incident it drafts").isDirectory();
        assertThat(training).contains("source=samples");
        String script = Files.readString(Path.of("deploy/docker/train-cds.sh"));
        assertThat(script).as("the script starts the server and runs the import, then dumps one archive")
                .contains("-XX:DumpLoadedClassList=").contains("-jar \"$jar\" import").contains("-Xshare:dump")
                .contains("-XX:SharedArchiveFile=\"$archive\"").contains("-cp \"$jar\"");
    }

    @Test
    void theEntryPointsJvmFlagsStartAJvmEvenWithoutAMatchingArchive(@TempDir Path dir) throws Exception {
        // A typo in a flag, or an archive the JVM cannot use, must never stop the bot: run this
        // machine's java with the entry point's flags (the archive path does not exist here).
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : entryPoint().subList(1, entryPoint().indexOf("-jar"))) {
            command.add(arg.replace("/app/app.jsa", dir.resolve("missing.jsa").toString()));
        }
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as("%s\n%s", command, output).isZero();
    }

    @Test
    void exposesTheSlackPortAndTheMetricsPortAndKeepsDataOnAVolume() {
        List<String> exposed = dockerfile.finalStage().all("EXPOSE").stream()
                .flatMap(e -> List.of(e.args().split("\\s+")).stream()).toList();
        assertThat(exposed).contains("3000", "9090");
        String env = String.join(" ", dockerfile.finalStage().all("ENV").stream().map(Instruction::args).toList());
        assertThat(env).contains("PORT=3000").contains("METRICS_PORT=9090").contains("INCIDENT_DB=/data/");
        assertThat(dockerfile.finalStage().all("VOLUME")).extracting(Instruction::args).containsExactly("[\"/data\"]");
    }

    @Test
    void stopsWithSigtermAndDocumentsAStopTimeoutLongerThanTheShutdown() throws IOException {
        assertThat(dockerfile.all("STOPSIGNAL")).extracting(Instruction::args).containsExactly("SIGTERM");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("--stop-timeout 30");
        assertThat(Files.readString(Path.of("deploy/README.md")))
                .contains("--stop-timeout 30").contains("terminationGracePeriodSeconds: 30");
    }

    @Test
    void mavenRepositoryIsACacheMountAndTheBuildContextKeepsWhatTheBuildNeeds() throws IOException {
        assertThat(dockerfile.all("RUN")).extracting(Instruction::args)
                .filteredOn(r -> r.contains("mvn "))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).contains("--mount=type=cache,target=/root/.m2"));
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).contains("target/", ".git/")
                .noneMatch(l -> l.startsWith("samples") || l.startsWith("src") || l.startsWith("deploy") || l.equals("pom.xml"));
    }

    private static List<String> entryPoint() throws IOException {
        List<Instruction> entries = dockerfile.finalStage().all("ENTRYPOINT");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).args()).as("exec form, so java is PID 1 and gets SIGTERM").startsWith("[");
        return new ObjectMapper().readValue(entries.get(0).args(), new TypeReference<List<String>>() { });
    }
}
