package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;

/** The web client in a real headless Chromium against a real server. */
class WebClientIT extends WorldPerClass {
    static final Path ARTIFACTS = Path.of("target", "screenshots");

    @Test
    void twoUsersSeeEachOtherMoveAndChat() throws Exception {
        try (Browser ann = new Browser(Path.of("target", "browsers"))) {
            twoUsers(ann);
            screenshotEverySpace(ann);
            // A visitor is turned away from the admin page.
            ann.driver.get(world.uri("/admin.html").toString());
            ann.wait.until(
                    d -> d.findElement(By.id("admin-error")).getText().contains("admins only"));
        }
        try (Browser admin = new Browser(Path.of("target", "browsers"))) {
            admin.driver.get(world.uri("/?fps=10").toString());
            admin.wait.until(d -> d.findElement(By.id("login-button")).isDisplayed());
            admin.driver.findElement(By.id("username")).sendKeys("admin");
            admin.driver.findElement(By.id("password")).sendKeys(world.adminPassword);
            admin.click(By.id("login-button"));
            admin.wait.until(d -> d.findElement(By.id("avatar-name")).isDisplayed());
            admin.driver.get(world.uri("/admin.html").toString());
            admin.wait.until(d -> d.findElement(By.id("accounts")).getText().contains("ann_b"));
            admin.wait.until(
                    d -> d.findElement(By.id("events")).getText().contains("hello from bob"));
            admin.wait.until(
                    d ->
                            d.findElement(By.id("moderation"))
                                    .getText()
                                    .contains("I will kill you bob"));
            admin.driver
                    .findElement(By.cssSelector("#moderation button[data-decision='reject']"))
                    .click();
            admin.wait.until(
                    d -> !d.findElement(By.id("moderation")).getText().contains("kill you"));
            assertThat(admin.driver.findElement(By.id("ev-csv")).getDomProperty("href"))
                    .contains("/api/admin/events")
                    .contains("format=csv");
        }
    }

    private static void twoUsers(Browser ann) {
        try (Browser bob = new Browser(Path.of("target", "browsers"))) {
            enter(ann, "ann_b", "Ann");
            enter(bob, "bob_b", "Bob");
            ann.wait.until(d -> othersNamed(ann, "Bob"));
            bob.wait.until(d -> othersNamed(bob, "Ann"));
            ann.wait.until(
                    d ->
                            !d.findElements(
                                            By.xpath(
                                                    "//*[contains(@class,'nametag') and text()='Bob']"))
                                    .isEmpty());

            Map<?, ?> before = other(ann, "Bob");
            new Actions(bob.driver).keyDown("w").pause(1200).keyUp("w").perform();
            ann.wait.until(
                    d -> {
                        Map<?, ?> now = other(ann, "Bob");
                        double dx = num(now.get("x")) - num(before.get("x"));
                        double dz = num(now.get("z")) - num(before.get("z"));
                        return Math.hypot(dx, dz) > 1.0;
                    });

            bob.driver.findElement(By.id("chat-input")).sendKeys("hello from bob", Keys.ENTER);
            ann.wait.until(
                    d -> d.findElement(By.id("chat-log")).getText().contains("hello from bob"));
            // A threat is withheld: its author is told, the other never sees it.
            ann.driver.findElement(By.id("chat-input")).sendKeys("I will kill you bob", Keys.ENTER);
            ann.wait.until(
                    d ->
                            d.findElement(By.id("chat-log"))
                                    .getText()
                                    .contains("withheld for review"));
            ann.driver.findElement(By.id("chat-input")).sendKeys("hi bob", Keys.ENTER);
            bob.wait.until(d -> d.findElement(By.id("chat-log")).getText().contains("hi bob"));
            assertThat(bob.driver.findElement(By.id("chat-log")).getText()).doesNotContain("kill");

            // Bob sits down: Ann sees it above his head (until he moves) and her screen reader
            // hears it.
            bob.click(By.cssSelector("#emote-bar button[data-emote='sit']"));
            ann.wait.until(
                    d ->
                            d.findElement(By.id("emote-live"))
                                    .getAttribute("textContent")
                                    .equals("Bob sits down."));
            ann.wait.until(d -> !d.findElements(By.cssSelector(".nametag.emote")).isEmpty());

        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Alone (one software-rendered browser is faster than two), visit and photograph each space.
     */
    private static void screenshotEverySpace(Browser ann) throws Exception {
        Files.createDirectories(ARTIFACTS);
        for (String space : List.of("plaza", "museum", "classroom", "shop", "clinic")) {
            ann.driver
                    .findElement(By.cssSelector("#space-list button[data-space='" + space + "']"))
                    .click();
            ann.wait.until(
                    d ->
                            space.equals(state(ann).get("space"))
                                    && Boolean.TRUE.equals(
                                            ann.js("return window.worldmind.ready")));
            Thread.sleep(1000); // let a few frames render in software GL
            Path shot = ann.driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(
                    shot, ARTIFACTS.resolve(space + ".png"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(ARTIFACTS.resolve(space + ".png"))).isGreaterThan(20_000);
        }
    }

    private static void enter(Browser b, String user, String avatarName) {
        b.enter(world, user, avatarName);
        assertThat(state(b).get("space")).isEqualTo("plaza");
    }

    private static Map<?, ?> state(Browser b) {
        return b.state();
    }

    private static boolean othersNamed(Browser b, String name) {
        return other(b, name) != null;
    }

    private static Map<?, ?> other(Browser b, String name) {
        for (Object o : (List<?>) state(b).get("others")) {
            Map<?, ?> m = (Map<?, ?>) o;
            if (name.equals(m.get("name"))) {
                return m;
            }
        }
        return null;
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }
}
