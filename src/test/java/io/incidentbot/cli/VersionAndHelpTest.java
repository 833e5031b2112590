package io.incidentbot.cli;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code incident-bot --version} prints the pom's version and {@code help} the usage, both with exit status 0. */
class VersionAndHelpTest {

    private static String pomVersion() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
        return javax.xml.xpath.XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
    }

    /** Runs {@code io.incidentbot.Main} as its own JVM, as {@code java -jar incident-bot.jar args} would. */
    private static CliRun main(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.incidentbot.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new CliRun(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void versionPrintsThePomVersionAndExitsZero() throws Exception {
        CliRun run = main("--version");

        assertThat(run.status()).isZero();
        assertThat(run.out().strip()).isEqualTo("incident-bot " + pomVersion());
        assertThat(io.incidentbot.Version.current()).isEqualTo(pomVersion());
    }

    @Test
    void helpAndDashDashHelpPrintTheUsageAndExitZero() throws Exception {
        for (String help : new String[] {"help", "--help"}) {
            CliRun run = help.equals("help") ? main(help) : CliRun.run(Map.of(), help);
            assertThat(run.status()).as(help).isZero();
            assertThat(run.out()).as(help).contains("usage: incident-bot").contains("--version");
        }
        CliRun unknown = CliRun.run(Map.of(), "frobnicate");
        assertThat(unknown.status()).as("an unknown command is still a usage error").isEqualTo(2);
        assertThat(unknown.err()).contains("usage: incident-bot");
    }

    @Test
    void anUnknownCommandIsNamedBeforeTheUsage() {
        CliRun unknown = CliRun.run(Map.of(), "postmortme", "42");

        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("incident-bot: unknown command 'postmortme'\nusage: incident-bot");
        assertThat(CliRun.run(Map.of(), "bad\u001b[2Jword").err()).startsWith("incident-bot: unknown command 'bad?[2Jword'\n");
    }
}
