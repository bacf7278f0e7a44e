package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its own chromedriver (never a driver Selenium would
 * download), with the checks every page gets: axe-core finds no serious or critical violation.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(int port) {
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("sijil-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Whether Debian's chromium and chromedriver are installed (.ci/run installs them). */
    static boolean installed() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    void open(String path) {
        driver.get(base + path);
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Signs in from the sign-in page as a seeded demo identity. */
    void signInAs(String identity) {
        open("/signin");
        go(find(By.id("signin-" + identity)));
    }

    /** Clicks {@code element} and waits until the page it leads to has replaced this one. */
    void go(WebElement element) {
        WebElement page = find(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> replaced(page));
    }

    /**
     * Whether {@code page}'s document has been replaced. While the new one loads, ChromeDriver may
     * answer a question about the old node with "does not belong to the document" instead of a
     * stale-element error; both mean the old page is gone.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks what {@code by} finds and waits for the page it leads to. */
    void go(By by) {
        go(find(by));
    }

    /** Chooses a language with the switch every page carries. */
    void language(String language) {
        go(By.cssSelector(".languages a[hreflang='" + language + "']"));
        assertThat(find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
    }

    void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Waits (up to {@code seconds}) until {@code condition} holds. */
    void await(int seconds, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(condition::apply);
    }

    /** Waits (up to 20 s) until the element {@code by} finds has {@code data-state} {@code state}. */
    void awaitState(By by, String state) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> {
                    List<WebElement> found = driver.findElements(by);
                    return found.isEmpty() ? by + " is absent" : by + " is " + found.get(0).getDomAttribute("data-state")
                            + " (" + found.get(0).getText() + "; " + found.get(0).getDomAttribute("title") + ")";
                })
                .until(d -> d.findElements(by).stream().anyMatch(e -> state.equals(e.getDomAttribute("data-state"))));
    }

    /** Saves a screenshot of the current page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core in the page and returns its serious and critical violations, each as
     * {@code rule: first target}.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousViolations(String axeSource) {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind harms nothing
        }
    }
}
