package dev.worldmind.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver: nothing is
 * downloaded. Each browser gets its own profile and temp folder under target/.
 */
final class Browser implements AutoCloseable {
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    private static final Path BINARY = Path.of("/usr/lib/chromium/chromium");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final List<String> console = new ArrayList<>();
    private boolean closed;

    Browser(Path workDir) throws IOException {
        Assumptions.assumeTrue(
                DRIVER.canExecute() && Files.isExecutable(BINARY),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "profile");
        Path tmp = Files.createDirectories(profile.resolve("tmp"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-unsafe-swiftshader",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1024,640",
                "--user-data-dir=" + profile.resolve("data"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER)
                        .usingAnyFreePort()
                        .withEnvironment(Map.of("TMPDIR", tmp.toString()))
                        .build();
        driver = new ChromeDriver(service, options);
        // Pages re-render lists while they poll: an element found a moment ago may be replaced.
        wait = waitFor(Duration.ofSeconds(30));
    }

    /** A wait of the given length that, like {@link #wait}, looks again at replaced elements. */
    WebDriverWait waitFor(Duration timeout) {
        WebDriverWait w = new WebDriverWait(driver, timeout);
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /** Clicks what {@code by} finds, finding it again if the page replaced it in between. */
    void click(By by) {
        wait.until(
                d -> {
                    d.findElement(by).click();
                    return true;
                });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Registers, saves an avatar and waits until the world has drawn the plaza.
     *
     * @param world the server
     * @param user the user name
     * @param avatarName the avatar's name
     */
    void enter(TestWorld world, String user, String avatarName) {
        // 10 frames/s: software-rendered browsers on two cores must leave time for the page itself
        driver.get(world.uri("/?fps=10").toString());
        wait.until(d -> d.findElement(By.id("register-button")).isDisplayed());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user + "-long-password");
        click(By.id("register-button"));
        wait.until(d -> d.findElement(By.id("avatar-name")).isDisplayed());
        driver.findElement(By.id("avatar-name")).clear();
        driver.findElement(By.id("avatar-name")).sendKeys(avatarName);
        click(By.id("avatar-save"));
        wait.until(
                d ->
                        Boolean.TRUE.equals(
                                js("return !!(window.worldmind && window.worldmind.ready)")));
    }

    /** Returns the page's world state ({@code window.worldmind.state()}). */
    Map<?, ?> state() {
        return (Map<?, ?>) js("return window.worldmind.state()");
    }

    /** The console messages that report a Content-Security-Policy violation, so far. */
    List<String> cspViolations() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(e.getMessage());
        }
        return console.stream()
                .filter(
                        m -> {
                            String lower = m.toLowerCase(java.util.Locale.ROOT);
                            return lower.contains("content security policy")
                                    || lower.contains("content-security-policy");
                        })
                .toList();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            List<String> violations;
            try {
                violations = cspViolations();
            } finally {
                driver.quit();
            }
            if (!violations.isEmpty()) {
                throw new AssertionError(
                        "the page broke its Content-Security-Policy: " + violations);
            }
        }
    }
}
