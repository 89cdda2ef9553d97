package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/** A new shopper in a real browser sees the For-you shelf, likes three products, and it changes. */
class RecommendationBrowserIT {
    @TempDir static Path dir;
    static TestWorld world;

    @BeforeAll
    static void start() {
        world = RecommendationWorldIT.startRecommending(dir);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aNewShopperLikesThreeProductsAndTheShelfChanges() throws Exception {
        try (Browser b = new Browser(Path.of("target", "browsers"))) {
            b.enter(world, "sam_shop", "Sam");
            b.click(By.cssSelector("#space-list button[data-space='shop']"));
            try {
                b.wait.until(
                        d ->
                                "shop".equals(b.state().get("space"))
                                        && Boolean.TRUE.equals(
                                                b.js("return window.worldmind.ready"))
                                        && shelf(b).size() == 6);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(
                        "no shelf: "
                                + b.js(
                                        "return JSON.stringify({s: window.worldmind.state(),"
                                                + " f: window.worldmind.forYou && window.worldmind.forYou(),"
                                                + " chat: document.querySelector('#chat-log').textContent})"),
                        e);
            }
            b.wait.until(d -> d.findElement(By.id("foryou-panel")).isDisplayed());
            List<String> before = ids(shelf(b));
            assertThat(text(b, "#foryou-title")).isEqualTo("For you");
            assertThat(text(b, "#foryou-list"))
                    .contains("popular with other visitors")
                    .contains("◈");
            assertThat(
                            (Long)
                                    b.js(
                                            "return document.querySelectorAll('.item-label.for-you')"
                                                    + ".length"))
                    .isEqualTo(6L);

            List<String> liked = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                List<String> now = ids(shelf(b));
                String pick = now.get(0);
                liked.add(pick);
                b.click(By.cssSelector("#foryou-list button.foryou-item"));
                b.wait.until(d -> d.findElement(By.id("item-panel")).isDisplayed());
                b.click(By.id("item-like"));
                b.wait.until(d -> !ids(shelf(b)).contains(pick));
            }
            b.wait.until(
                    d ->
                            text(b, "#foryou-list").contains("because you liked")
                                    && !ids(shelf(b)).equals(before));
            assertThat(ids(shelf(b))).doesNotContainAnyElementsOf(liked);
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(
                    b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("shop-for-you.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // In the plaza, "people like you" is off until the visible toggle turns it on
            b.click(By.cssSelector("#space-list button[data-space='plaza']"));
            b.wait.until(
                    d ->
                            text(b, "#foryou-title").equals("Places and people for you")
                                    && d.findElement(By.id("people-optin-row")).isDisplayed());
            assertThat(b.driver.findElement(By.id("people-optin")).isSelected()).isFalse();
            b.click(By.id("people-optin"));
            b.wait.until(
                    d ->
                            d.findElement(By.id("people-optin")).isSelected()
                                    && d.findElement(By.id("people-optin")).isEnabled());
            TestWorld.User sam = world.user();
            assertThat(sam.login("sam_shop", "sam_shop-long-password").statusCode()).isEqualTo(200);
            assertThat(
                            TestWorld.json(
                                            sam.call(
                                                    "GET",
                                                    "/api/recommendations/people/opt-in",
                                                    null))
                                    .path("optedIn")
                                    .asBoolean())
                    .isTrue();
        }
    }

    private static List<Map<?, ?>> shelf(Browser b) {
        Map<?, ?> shown = (Map<?, ?>) b.js("return window.worldmind.forYou()");
        if (!"shelf".equals(shown.get("mode"))) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<?, ?>> items = (List<Map<?, ?>>) shown.get("items");
        return items;
    }

    private static List<String> ids(List<Map<?, ?>> items) {
        return items.stream().map(m -> (String) m.get("id")).toList();
    }

    private static String text(Browser b, String css) {
        return (String) b.js("return document.querySelector(arguments[0]).textContent", css);
    }
}
