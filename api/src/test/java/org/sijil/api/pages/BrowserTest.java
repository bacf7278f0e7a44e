package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.sijil.api.it.IntegrationTest;

/**
 * The pages in Debian's headless Chromium against the whole application (the shared integration
 * context). Without chromium the tests are skipped and say so, except on CI ({@code CI} set), where
 * a missing browser fails them: {@code .ci/run} installs it.
 */
abstract class BrowserTest extends IntegrationTest {

    private static String axe;
    private static String axeMissing;

    Browser browser;

    @BeforeAll
    static void browserInstalled() {
        boolean ci = System.getenv("CI") != null;
        if (!Browser.installed()) {
            String why = "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium"
                    + " chromium-driver; .ci/run does it)";
            if (ci) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        if (axe == null && axeMissing == null) {
            StringBuilder why = new StringBuilder();
            axe = AxeCore.source(why);
            axeMissing = axe == null ? why.toString() : null;
            if (axe == null && ci) {
                fail(axeMissing);
            }
        }
    }

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * The checks every page passes: {@code lang} and {@code dir} on the root element, for the language
     * expected, and no serious or critical axe-core violation.
     */
    void checkPage(String language) {
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.find(By.tagName("html")).getAttribute("dir")).isEqualTo(language.equals("en") ? "ltr" : "rtl");
        if (axe == null) {
            System.err.println("Accessibility not checked on " + browser.path() + ": " + axeMissing);
            return;
        }
        assertThat(browser.seriousViolations(axe)).as("axe-core on %s (%s)", browser.path(), language).isEmpty();
    }
}
