package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;

/**
 * Visitors in a real browser talk to the characters: one walks up to the museum guide and asks
 * about a painting, another tells the nurse about an emergency.
 */
class CharacterBrowserIT {
    @TempDir static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = new TestWorld(CharacterWorldIT.config(), TestDatabases.h2(dir), Clock.systemUTC());
        CharacterWorldIT.awaitCharacters(world);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aVisitorWalksToTheMuseumGuideAndSeesAStreamedGroundedAnswer() throws Exception {
        try (Browser b = new Browser(Path.of("target", "browsers"))) {
            enterSpaceWithCharacters(b, "vera_c", "Vera", "museum");
            Map<?, ?> guide = characters(b).get(0);
            assertThat(guide.get("name")).isEqualTo("Iris Calder");
            b.wait.until(
                    d ->
                            d.findElement(By.cssSelector(".nametag.character"))
                                    .getText()
                                    .contains("Iris"));

            // Step aside first (behind lies the door back to the plaza), so the visitor really
            // has to walk up to her.
            for (String key : List.of("a", "d", "d")) {
                if (distanceToGuide(b) > 4) {
                    break;
                }
                new Actions(b.driver).keyDown(key).pause(1500).keyUp(key).perform();
                Thread.sleep(300);
            }
            assertThat(b.state().get("space")).isEqualTo("museum");
            assertThat(distanceToGuide(b)).isGreaterThan(4);

            openTalk(b, "iris");
            assertThat(distanceToGuide(b)).isLessThan(3.5);

            b.driver
                    .findElement(By.id("talk-input"))
                    .sendKeys("Who painted The Starry Night?", Keys.ENTER);
            b.wait.until(d -> !replies(b).isEmpty());
            // First: the speech bubble is cleared 15 s after the reply, and a loaded machine is
            // slow.
            assertThat(text(b, ".bubble[data-character='iris']")).containsIgnoringCase("Van Gogh");
            Map<?, ?> reply = replies(b).get(0);
            assertThat((String) reply.get("text")).containsIgnoringCase("Van Gogh");
            assertThat(num(reply.get("tokens"))).isGreaterThanOrEqualTo(1);
            assertThat((List<?>) reply.get("sources")).isNotEmpty();
            // textContent: the log may scroll and the bubble may sit at the edge of the view.
            assertThat(text(b, "#talk-log")).containsIgnoringCase("Van Gogh");
            assertThat(text(b, "#chat-log")).contains("Iris Calder: ");

            // Near the guide the panel offers her tour; she walks off to the first exhibit.
            Map<?, ?> before = characters(b).get(0);
            b.click(By.id("talk-tour"));
            b.wait.until(d -> tours(b).stream().anyMatch(t -> "at_stop".equals(t.get("state"))));
            Map<?, ?> stop =
                    tours(b).stream()
                            .filter(t -> "at_stop".equals(t.get("state")))
                            .findFirst()
                            .orElseThrow();
            assertThat(num(stop.get("index"))).isEqualTo(1);
            assertThat(num(stop.get("of"))).isEqualTo(7);
            Map<?, ?> after = characters(b).get(0);
            assertThat(
                            Math.hypot(
                                    num(after.get("x")) - num(before.get("x")),
                                    num(after.get("z")) - num(before.get("z"))))
                    .isGreaterThan(0.5);
            assertThat(text(b, "#chat-log")).contains("Iris Calder: Here is ");
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(
                    b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("museum-guide.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aVisitorInTheClinicTypesAnEmergencyAndSeesGuidanceAndTheNursesConcern() throws Exception {
        try (Browser b = new Browser(Path.of("target", "browsers"))) {
            enterSpaceWithCharacters(b, "omar_e", "Omar", "clinic");
            assertThat(characters(b).get(0).get("name")).isEqualTo("Sam Adeyemi");
            openTalk(b, "sam");

            b.driver
                    .findElement(By.id("talk-input"))
                    .sendKeys("help my dad just collapsed and he isn't breathing", Keys.ENTER);
            b.wait.until(d -> !replies(b).isEmpty());
            String reply = (String) replies(b).get(0).get("text");
            assertThat(reply).contains("112").contains("emergency number");
            assertThat(text(b, "#talk-log")).contains("112");
            b.wait.until(
                    d ->
                            "concerned"
                                    .equals(
                                            b.js(
                                                    "return document.querySelector("
                                                            + "'.nametag.character[data-expression]')"
                                                            + ".dataset.expression")));
            assertThat(text(b, ".nametag.character .mood")).contains("concerned");
            b.wait.until(d -> d.findElement(By.id("talk-mood")).getText().contains("concerned"));
            assertThat(characters(b).get(0).get("expression")).isEqualTo("concerned");
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(
                    b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("clinic-emergency.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Map<?, ?>> characters(Browser b) {
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> list = (List<Map<?, ?>>) b.js("return window.worldmind.characters()");
        return list;
    }

    private static List<Map<?, ?>> tours(Browser b) {
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> list = (List<Map<?, ?>>) b.js("return window.worldmind.tours()");
        return list;
    }

    private static List<Map<?, ?>> replies(Browser b) {
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> list = (List<Map<?, ?>>) b.js("return window.worldmind.replies()");
        return list;
    }

    private static double distanceToGuide(Browser b) {
        Map<?, ?> self = (Map<?, ?>) b.state().get("self");
        Map<?, ?> guide = characters(b).get(0);
        return Math.hypot(
                num(self.get("x")) - num(guide.get("x")), num(self.get("z")) - num(guide.get("z")));
    }

    private static String text(Browser b, String css) {
        return (String) b.js("return document.querySelector(arguments[0]).textContent", css);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    /** Enters the world in the browser and walks into a space until its characters are shown. */
    private static void enterSpaceWithCharacters(
            Browser b, String username, String name, String space) {
        b.enter(world, username, name);
        b.click(By.cssSelector("#space-list button[data-space='" + space + "']"));
        b.wait.until(
                d ->
                        space.equals(b.state().get("space"))
                                && Boolean.TRUE.equals(b.js("return window.worldmind.ready"))
                                && !characters(b).isEmpty());
    }

    /** Clicks a character where the page draws it, and waits for the talk panel to open. */
    private static void openTalk(Browser b, String character) {
        Map<?, ?> at = (Map<?, ?>) b.js("return window.worldmind.screenOf('" + character + "')");
        new Actions(b.driver)
                .moveToLocation(
                        (int) Math.round(num(at.get("x"))), (int) Math.round(num(at.get("y"))))
                .click()
                .perform();
        b.wait.until(d -> d.findElement(By.id("talk-panel")).isDisplayed());
    }
}
