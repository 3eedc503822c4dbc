package dev.pauta.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through Debian's chromedriver, with the flags that keep it off the network (this
 * machine has none but loopback) and a fresh profile per browser. `.ci/run` installs both packages when they are missing.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A new browser whose Accept-Language is {@code language}; the caller quits it. */
    static ChromeDriver start(String language) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("page tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("pauta-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--window-size=1440,1000", "--lang=" + language, "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps what the page looks like in this state under target/screenshots (never committed). */
    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
