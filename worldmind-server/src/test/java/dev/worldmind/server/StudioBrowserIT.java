package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.testing.TestDatabases;
import dev.worldmind.testing.TestHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Studio in a real browser against a real server whose models come from real jobs: a running
 * job's curve grows, a finished model's confusion matrix, promote and rollback, and a digit drawn
 * on the canvas classified by the server (DJL) and in the browser (the ONNX export on
 * onnxruntime-web) with the same class and probabilities within 1e-4.
 */
class StudioBrowserIT {
    @TempDir static Path dir;
    static TestWorld world;
    static TestWorld.User admin;

    @BeforeAll
    static void start() throws InterruptedException {
        WorldmindHome home = TestHome.isolated(dir.resolve("home"));
        world = TestWorld.runningJobs(home, TestDatabases.h2(dir.resolve("db")));
        admin = world.user().admin();
        // Two versions of a small digit CNN and the first one's ONNX export, all made by jobs.
        for (int limit : List.of(3000, 3100)) {
            run(
                    JobApiIT.training(
                            Map.of(
                                    "dataset", "mnist",
                                    "architecture", "keras-cnn",
                                    "name", "digits",
                                    "epochs", 1,
                                    "limit", limit)));
        }
        run(Map.of("kind", "export", "settings", Map.of("model", "digits:1")));
    }

    private static long run(Map<String, Object> job) throws InterruptedException {
        long id = TestWorld.json(admin.call("POST", "/api/jobs", job)).path("id").asLong();
        TestWorld.waitForJob(admin, id, "done", Duration.ofMinutes(5));
        return id;
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void followsAJobComparesVersionsAndClassifiesADrawnDigitOnServerAndDevice() throws Exception {
        try (Browser b = new Browser(Path.of("target", "browsers"))) {
            b.driver.get(world.uri("/api/health").toString());
            b.driver.manage().addCookie(new Cookie("wm_session", admin.cookie()));
            b.driver.get(world.uri("/studio.html").toString());
            b.wait.until(
                    d ->
                            "ready"
                                    .equals(
                                            d.findElement(By.tagName("body"))
                                                    .getAttribute("data-studio")));

            // A running job's curve grows while we watch.
            JsonNode longJob =
                    TestWorld.json(admin.call("POST", "/api/jobs", JobApiIT.mnistMlp(40, 20000)));
            long jobId = longJob.path("id").asLong();
            b.click(By.id("tab-jobs"));
            By row = By.cssSelector("#jobs-table tr[data-job-id='" + jobId + "']");
            b.wait.until(d -> "running".equals(d.findElement(row).getAttribute("data-state")));
            b.click(row);
            b.wait.until(d -> points(b) > 0);
            int before = points(b);
            b.waitFor(Duration.ofSeconds(60)).until(d -> points(b) > before + 5);
            screenshot(b, "studio-job");
            b.click(By.id("job-cancel"));
            b.wait.until(d -> "cancelled".equals(d.findElement(row).getAttribute("data-state")));

            // A finished model: its confusion matrix; promote and roll back its stable alias.
            b.click(By.id("tab-models"));
            clickRef(b, "digits:1");
            b.wait.until(d -> d.findElements(By.cssSelector("#confusion td")).size() == 100);
            b.click(By.id("promote"));
            b.wait.until(d -> d.findElement(By.id("alias-stable")).getText().contains("1"));
            clickRef(b, "digits:2");
            b.wait.until(d -> d.findElements(By.cssSelector("#confusion td")).size() == 100);
            b.click(By.id("promote"));
            b.wait.until(d -> d.findElement(By.id("alias-stable")).getText().contains("2"));
            assertThat(
                            TestWorld.json(admin.call("GET", "/api/models/digits", null))
                                    .path("aliases")
                                    .path("stable")
                                    .asInt())
                    .isEqualTo(2);
            b.click(By.id("rollback"));
            b.wait.until(d -> d.findElement(By.id("alias-stable")).getText().contains("1"));
            assertThat(
                            TestWorld.json(admin.call("GET", "/api/models/digits", null))
                                    .path("aliases")
                                    .path("stable")
                                    .asInt())
                    .isEqualTo(1);
            screenshot(b, "studio-model");

            // Draw a 7 and classify it on the server and in the browser.
            b.click(By.id("tab-try"));
            b.wait.until(d -> d.findElement(By.id("try-model")).isDisplayed());
            new Select(b.driver.findElement(By.id("try-model"))).selectByValue("digits:1");
            b.wait.until(d -> d.findElement(By.id("try-onnx")).getText().contains("digits-onnx:1"));
            WebElement pad = b.driver.findElement(By.id("draw"));
            new Actions(b.driver)
                    .moveToElement(pad, -80, -90)
                    .clickAndHold()
                    .moveByOffset(40, 0)
                    .moveByOffset(40, 0)
                    .moveByOffset(40, 0)
                    .moveByOffset(-20, 45)
                    .moveByOffset(-20, 45)
                    .moveByOffset(-20, 45)
                    .moveByOffset(-20, 45)
                    .release()
                    .perform();
            b.click(By.id("classify"));
            b.waitFor(Duration.ofSeconds(90))
                    .until(
                            d ->
                                    d.findElement(By.id("prob-diff"))
                                                    .getText()
                                                    .matches("[0-9.eE-]+")
                                            || !d.findElement(By.id("device-note"))
                                                            .getText()
                                                            .isBlank()
                                                    && !d.findElement(By.id("device-note"))
                                                            .getText()
                                                            .startsWith("model ready"));
            b.js("document.getElementById('device-label').scrollIntoView()");
            screenshot(b, "studio-try");
            assertThat(b.driver.findElement(By.id("device-label")).getText())
                    .as(
                            "the browser's answer; server note: %s, device note: %s",
                            b.driver.findElement(By.id("server-note")).getText(),
                            b.driver.findElement(By.id("device-note")).getText())
                    .isNotBlank();
            String server = b.driver.findElement(By.id("server-label")).getText();
            String device = b.driver.findElement(By.id("device-label")).getText();
            double diff =
                    Double.parseDouble(b.driver.findElement(By.id("prob-diff")).getText().trim());
            assertThat(device).isEqualTo(server);
            assertThat(diff).isLessThan(1e-4);
        }
    }

    private static void clickRef(Browser b, String ref) {
        By entry = By.cssSelector("#models-list [data-ref='" + ref + "']");
        b.click(entry);
    }

    private static int points(Browser b) {
        String p = b.driver.findElement(By.id("job-chart")).getAttribute("data-points");
        return p == null || p.isBlank() ? 0 : Integer.parseInt(p);
    }

    private static void screenshot(Browser b, String name) throws java.io.IOException {
        Path out = Files.createDirectories(Path.of("target", "screenshots")).resolve(name + ".png");
        Files.write(out, b.driver.getScreenshotAs(OutputType.BYTES));
    }
}
