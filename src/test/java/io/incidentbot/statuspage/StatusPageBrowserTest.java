package io.incidentbot.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in a real browser: Selenium 4 driving Debian's headless {@code chromium} with
 * {@code chromium-driver} (no browser download). Skipped with the reason when they are not installed, unless
 * {@code INCIDENT_TEST_BROWSER_REQUIRED=1} (CI, {@code .ci/run}), where it fails instead. Screenshots go to
 * {@code target/status-page.png} and {@code target/status-page-dark.png}.
 */
class StatusPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    @TempDir
    Path profile;
    StatusPageFixture page;
    ChromeDriver browser;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "browser test skipped: install chromium and chromium-driver (apt-get install -y chromium chromium-driver)";
            if ("1".equals(System.getenv("INCIDENT_TEST_BROWSER_REQUIRED"))) {
                Assertions.fail(why + " (INCIDENT_TEST_BROWSER_REQUIRED=1)");
            }
            Assumptions.abort(why);
        }
        page = new StatusPageFixture(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,1400", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (page != null) {
            page.close();
        }
    }

    @Test
    void showsAPublishedIncidentItsUpdatesAndComponentsNeverRunsItsMarkupAndPassesAxe() throws Exception {
        var api = page.service.addComponent("API");
        page.service.addComponent("Web/Dashboard");
        page.service.addComponent("Web/Login");
        long n = page.declare("INTERNAL: db-7 disk full, ask @bob in #inc-7", false);
        page.service.publish(n, new StatusPageService.Publication("Errors when signing in", PublicStatus.INVESTIGATING,
                Map.of(api.id(), ComponentState.PARTIAL_OUTAGE),
                "Some sign-ins fail. <script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"), "U1");
        page.clock.advance(Duration.ofMinutes(7));

        browser.get(page.base() + "/status");
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains("Partial System Outage", "Errors when signing in", "API", "Partial outage", "Dashboard",
                "Login", "Web").doesNotContain("INTERNAL").doesNotContain("db-7");
        assertThat(text).contains("<script>window.pwned = 1</script>"); // shown as text, not markup
        assertThat(browser.executeScript("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
        // the script shows times in the browser's zone: the UTC text is kept as the title
        WebElement time = browser.findElement(By.cssSelector(".update time"));
        assertThat(time.getAttribute("datetime")).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(time.getAttribute("title")).isEqualTo("2026-03-10 12:00 UTC");

        page.service.update(n, PublicStatus.IDENTIFIED, "We found the cause and are rolling back.", Map.of(), "U1");
        browser.navigate().refresh();
        List<WebElement> updates = browser.findElements(By.cssSelector("#active-incidents ~ article .update .body"));
        assertThat(updates).extracting(WebElement::getText)
                .first().isEqualTo("We found the cause and are rolling back.");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Identified");

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/status-page.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(seriousViolations()).isEmpty();

        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.navigate().refresh();
        assertThat(browser.executeScript("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(13, 17, 23)");
        Files.write(Path.of("target/status-page-dark.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(seriousViolations()).isEmpty();
    }

    @Test
    void theIncidentAndHistoryPagesWorkWithoutJavaScriptAndPassAxe() throws Exception {
        long n = page.declare("internal", false);
        page.service.publish(n, new StatusPageService.Publication("Slow dashboard", PublicStatus.MONITORING, Map.of(),
                "A fix is out; we are watching."), "U1");
        String id = page.service.publishedOf(n).orElseThrow().publicId();
        browser.get(page.base() + "/status/incidents/" + id);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Slow dashboard");
        assertThat(seriousViolations()).isEmpty();
        page.clock.advance(Duration.ofMinutes(3));
        page.service.resolve(n, "Resolved.", "U1");
        browser.get(page.base() + "/status/history");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("March 2026", "Slow dashboard", "Resolved.");
        assertThat(seriousViolations()).isEmpty();
    }

    /** Runs axe-core (vendored, src/test/resources/axe) on the current page; returns its serious and critical violations. */
    private List<String> seriousViolations() throws Exception {
        String axe;
        try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ((JavascriptExecutor) browser).executeScript(axe);
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));""");
        List<String> out = new ArrayList<>();
        for (JsonNode v : json.readTree(String.valueOf(result))) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at "
                        + v.path("nodes").findValuesAsText("html"));
            }
        }
        return out;
    }
}
