package io.gatehouse.sso.demo;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh headless Chromium for each test, driven through Debian's {@code chromedriver}: nothing is downloaded
 * (the driver and browser paths are given, so Selenium Manager never runs) and the browser resolves no host but
 * {@code localhost}. Without the driver the test is skipped with a message, except on CI ({@code CI=true}),
 * where it fails: CI must run it. When a test fails, a screenshot, the page source and the URL land in
 * {@code target/browser-failures/}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final HeadlessChromium chromium = new HeadlessChromium();
 * // in a test: chromium.driver().get(url);
 * }</pre>
 */
final class HeadlessChromium implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {
    /** Debian's driver; {@code -Dgatehouse.chromedriver=...} names another. */
    static final Path DRIVER = Path.of(System.getProperty("gatehouse.chromedriver", "/usr/bin/chromedriver"));
    /** Debian's browser; {@code -Dgatehouse.chromium=...} names another. */
    static final Path BROWSER = Path.of(System.getProperty("gatehouse.chromium", "/usr/bin/chromium"));

    private WebDriver driver;
    private Path profile;

    WebDriver driver() {
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(BROWSER)) {
            String missing = (Files.isExecutable(DRIVER) ? BROWSER : DRIVER) + " is missing; install Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver) to run the browser test.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("On CI (CI=true) the browser test must run, but " + missing);
            }
            System.err.println("WARNING: browser test skipped: " + missing);
            Assumptions.abort("browser test skipped: " + missing);
        }
        profile = Files.createTempDirectory("gatehouse-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--window-size=1280,1024",
                "--user-data-dir=" + profile.toAbsolutePath(),
                // no lookups of any outside host: the test needs none, and a CI machine may have no network
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver == null || context.getExecutionException().isEmpty()) {
            return;
        }
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/browser-failures");
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), String.valueOf(driver.getPageSource()));
            Files.writeString(dir.resolve(name + ".url.txt"), String.valueOf(driver.getCurrentUrl()) + "\n");
            System.err.println("Browser state of the failed test saved in " + dir.resolve(name) + ".{png,html,url.txt}");
        } catch (IOException | RuntimeException e) {
            System.err.println("Browser state of the failed test could not be saved: " + e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            profile = null;
        }
    }
}
