package dev.worldmind.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.app.design.GalleryFixtures;
import dev.worldmind.app.shop.ShopFixtures;
import dev.worldmind.data.catalog.FashionMnist;
import dev.worldmind.data.catalog.TrainTest;
import dev.worldmind.model.registry.ModelRegistry;
import dev.worldmind.server.config.ServerConfig;
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
import org.openqa.selenium.OutputType;

/**
 * Two real browsers in the shop: one uploads a garment picture, sees its category, the explanation
 * overlay and similar products and tries it on; the other sees it on that avatar.
 */
class ShopBrowserIT {
    @TempDir static Path dir;
    static TestWorld world;
    static TrainTest data;

    @BeforeAll
    static void start() {
        data = ShopFixtures.fashion();
        Path models = dir.resolve("models");
        ShopFixtures.registerClassifier(new ModelRegistry(models), data, 8000, dir.resolve("run"));
        GalleryFixtures.registerGenerators(new ModelRegistry(models));
        ServerConfig config =
                ServerConfig.defaults().with("server.port", 0).with("serving.models", models);
        world = new TestWorld(config, TestDatabases.h2(dir.resolve("db")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aShopperUploadsAGarmentTriesItOnAndAnotherShopperSeesIt() throws Exception {
        // A Fashion-MNIST test picture scaled up and drawn dark on white, like a scan of a drawing
        Path picture = Files.createDirectories(Path.of("target", "shop")).resolve("garment.png");
        Files.write(picture, ShopFixtures.upload(data, 17, 168));
        try (Browser a = new Browser(Path.of("target", "browsers"));
                Browser b = new Browser(Path.of("target", "browsers"))) {
            a.enter(world, "ada_fit", "Ada");
            goToShop(a);
            a.wait.until(d -> d.findElement(By.id("shop-button")).isDisplayed());
            a.click(By.id("shop-button"));
            a.wait.until(d -> d.findElement(By.id("shop-panel")).isDisplayed());
            a.driver.findElement(By.id("shop-file")).sendKeys(picture.toAbsolutePath().toString());
            try {
                a.wait.until(
                        d ->
                                !"recognising".equals(shop(a).get("status"))
                                        && !"idle".equals(shop(a).get("status")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(
                        "no recognition: "
                                + a.js(
                                        "return JSON.stringify({shop: window.worldmind.shop(),"
                                                + " note: document.querySelector('#shop-note').textContent,"
                                                + " files: document.querySelector('#shop-file').files.length,"
                                                + " chat: document.querySelector('#chat-log').textContent})"),
                        e);
            }
            Map<?, ?> shown = shop(a);
            assertThat(shown.get("status"))
                    .as(String.valueOf(shown.get("message")))
                    .isEqualTo("done");
            String category = (String) shown.get("category");
            assertThat(category).isIn(FashionMnist.CLASSES);
            assertThat(text(a, "#shop-category")).startsWith(category + " · ").endsWith("%");
            List<?> similar = (List<?>) shown.get("similar");
            assertThat(similar).hasSize(6);
            assertThat((Long) a.js("return document.querySelectorAll('#shop-similar img').length"))
                    .isEqualTo(6L);
            long id = ((Number) ((Map<?, ?>) a.state().get("self")).get("id")).longValue();

            a.click(By.id("shop-try-upload"));
            a.wait.until(d -> drawn(a, id) != null);
            assertThat(drawn(a, id).get("source")).isEqualTo("upload");

            // A second shopper arrives afterwards and sees Ada wearing her upload.
            b.enter(world, "bea_fit", "Bea");
            goToShop(b);
            b.wait.until(d -> drawn(b, id) != null);
            assertThat(drawn(b, id).get("category")).isEqualTo(category);

            // Ada tries a similar product on: Bea sees the change at once.
            String product = (String) ((Map<?, ?>) similar.get(0)).get("name");
            a.driver
                    .findElement(By.cssSelector("#shop-similar li:first-child button.try-on"))
                    .click();
            b.wait.until(d -> drawn(b, id) != null && product.equals(drawn(b, id).get("name")));
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.copy(
                    a.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("shop-fitting-room.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("shop-try-on-seen.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            // The shop's new designs hang on the wall and in the fitting room; Ada wears one.
            a.wait.until(d -> "shown".equals(designs(a).get("status")));
            assertThat(((Number) designs(a).get("onWall")).intValue()).isEqualTo(10);
            assertThat((Long) a.js("return document.querySelectorAll('#shop-designs img').length"))
                    .isEqualTo(10L);
            a.driver
                    .findElement(By.cssSelector("#shop-designs li:first-child button.try-on"))
                    .click();
            b.wait.until(d -> drawn(b, id) != null && "design".equals(drawn(b, id).get("source")));
            Files.copy(
                    b.driver.getScreenshotAs(OutputType.FILE).toPath(),
                    shots.resolve("shop-design-seen.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            a.click(By.id("shop-take-off"));
            b.wait.until(d -> !outfits(b).containsKey(Long.toString(id)));

            // The museum's gallery of generated works: garments and digits.
            b.click(By.cssSelector("#space-list button[data-space='museum']"));
            b.wait.until(
                    d ->
                            "museum".equals(designs(b).get("space"))
                                    && "shown".equals(designs(b).get("status")));
            assertThat(((Number) designs(b).get("onWall")).intValue()).isEqualTo(12);

            // The explanation overlay was drawn over the processed picture.
            assertThat(shown.get("explanation")).isEqualTo("grad-cam");
            assertThat(((Number) shown.get("overlay")).longValue()).isGreaterThan(100L);
        }
    }

    private static void goToShop(Browser b) {
        b.click(By.cssSelector("#space-list button[data-space='shop']"));
        b.wait.until(
                d ->
                        "shop".equals(b.state().get("space"))
                                && Boolean.TRUE.equals(b.js("return window.worldmind.ready")));
    }

    private static Map<?, ?> shop(Browser b) {
        return (Map<?, ?>) b.js("return window.worldmind.shop()");
    }

    private static Map<?, ?> designs(Browser b) {
        return (Map<?, ?>) b.js("return window.worldmind.designs()");
    }

    private static Map<?, ?> outfits(Browser b) {
        return (Map<?, ?>) b.js("return window.worldmind.outfits()");
    }

    /** The outfit drawn on an avatar, or null while there is none (or it is not drawn yet). */
    private static Map<?, ?> drawn(Browser b, long id) {
        Map<?, ?> o = (Map<?, ?>) outfits(b).get(Long.toString(id));
        return o != null && Boolean.TRUE.equals(o.get("drawn")) ? o : null;
    }

    private static String text(Browser b, String css) {
        return (String) b.js("return document.querySelector(arguments[0]).textContent", css);
    }
}
