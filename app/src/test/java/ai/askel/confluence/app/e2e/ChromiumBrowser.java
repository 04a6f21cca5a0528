package ai.askel.confluence.app.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver (Selenium Manager cannot download one
 * offline). Without Chromium the tests are skipped with a message, except in CI ({@code CI} set),
 * where a missing browser is a failure.
 */
final class ChromiumBrowser {
    static final File BINARY = new File(System.getenv().getOrDefault("ASKEL_CHROMIUM", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getenv().getOrDefault("ASKEL_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private ChromiumBrowser() {
    }

    static ChromeDriver start() {
        if (!BINARY.canExecute() || !DRIVER.canExecute()) {
            String message = "no Chromium at " + BINARY + " with its driver at " + DRIVER
                    + ": install them with `apt-get install -y chromium chromium-driver` to run the console's browser tests";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                Assertions.fail(message + " (CI is set, so a missing browser fails the build)");
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    static void screenshot(ChromeDriver driver, Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
