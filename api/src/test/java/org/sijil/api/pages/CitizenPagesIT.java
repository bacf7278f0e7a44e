package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sijil.api.it.Api;

/**
 * The citizen grants a consent, the ministry reads under it (through the API, as a ministry system
 * does), and the citizen sees the read with a mark their own browser computed from the inclusion
 * proof and the signed checkpoint; a proof or checkpoint altered in the page fails loudly.
 */
class CitizenPagesIT extends BrowserTest {

    @Test
    void aReadUnderAConsentShowsVerifiedAndATamperedProofShowsFailed() {
        String purpose = "vaccination-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        browser.signInAs("citizen-demo");
        assertThat(browser.path()).isEqualTo("/citizen");
        checkPage("ar");

        browser.open("/citizen/consents");
        checkPage("ar");
        new Select(browser.find(By.id("ministry"))).selectByValue("health");
        browser.type("purposeCode", purpose);
        browser.type("purposeText", "التحقق من سجل التلقيح");
        browser.find(By.id("category-IDENTITY")).click();
        browser.find(By.id("category-CIVIL_STATUS")).click();
        browser.type("validUntil", "2030-01-01");
        browser.go(By.id("grant"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("مُنحت الموافقة.");
        checkPage("ar");
        browser.screenshot("consents-ar");

        String nationalNumber = api.get("/api/v1/citizens/me/record", "citizen-demo").json()
                .get("nationalNumber").asText();
        Api.Response read = api.get("/api/v1/ministry/persons?nationalNumber=" + nationalNumber + "&purpose="
                + purpose, "ministry-health");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        String eventId = awaitProof(purpose);

        browser.open("/citizen/accesses");
        By cell = By.cssSelector("tr[data-event='" + eventId + "'] .proof-status");
        browser.awaitState(cell, "verified");
        assertThat(browser.find(cell).getText()).isEqualTo("✓ تم التحقق");
        assertThat(browser.find(By.id("verification")).getDomAttribute("data-state")).isEqualTo("verified");
        checkPage("ar");
        browser.screenshot("accesses-ar");

        // one bit of the leaf hash flipped in the page: that entry fails, loudly
        browser.driver().executeScript("const row = document.querySelector(\"tr[data-event='" + eventId + "']\");"
                + "const bytes = atob(row.dataset.leafHash); const flipped = String.fromCharCode(bytes.charCodeAt(0) ^ 1)"
                + " + bytes.slice(1); row.dataset.leafHash = btoa(flipped); return window.sijilVerify();");
        browser.awaitState(cell, "failed");
        assertThat(browser.find(cell).getText()).isEqualTo("✗ فشل التحقق");
        assertThat(browser.find(cell).getCssValue("background-color")).isEqualTo("rgba(176, 0, 32, 1)");
        browser.screenshot("accesses-tampered-ar");
    }

    @Test
    void aCheckpointWhoseSignatureDoesNotVerifyFailsEveryEntry() {
        browser.signInAs("citizen-demo");
        browser.open("/citizen");
        awaitAnyProof();
        browser.open("/citizen/accesses");
        browser.language("en");
        browser.awaitState(By.id("verification"), "verified");
        checkPage("en");
        assertThat(browser.find(By.cssSelector(".proof-status[data-state=verified]")).getText()).isEqualTo("✓ Verified");

        // the checkpoint's tree size changed by one: its signature no longer covers its text
        browser.driver().executeScript("const pre = document.getElementById('checkpoint');"
                + "const lines = pre.textContent.split('\\n'); lines[1] = String(Number(lines[1]) + 1);"
                + "pre.textContent = lines.join('\\n'); return window.sijilVerify();");
        browser.awaitState(By.id("verification"), "failed");
        assertThat(browser.find(By.id("verification")).getText()).startsWith("✗ The log's checkpoint did NOT verify");
        assertThat(browser.all(By.cssSelector(".proof-status[data-state=verified]"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".proof-status[data-state=failed]"))).isNotEmpty();
    }

    @Test
    void aConsentFormWithoutPurposeIsRefusedInKurdishAndARevokedConsentShowsRevoked() {
        browser.signInAs("citizen-demo");
        browser.open("/citizen/consents");
        browser.language("ckb");
        new Select(browser.find(By.id("ministry"))).selectByValue("planning");
        browser.type("validUntil", "2030-01-01");
        browser.go(By.id("grant"));
        checkPage("ckb");
        assertThat(browser.find(By.id("purposeText-error")).getText()).isEqualTo("ئەم خانەیە پێویستە.");
        assertThat(browser.find(By.id("categories-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("validUntil")).getAttribute("value")).isEqualTo("2030-01-01");

        String purpose = "census-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
        browser.type("purposeCode", purpose);
        browser.type("purposeText", "سەرژمێری دانیشتوان");
        browser.find(By.id("category-RESIDENCE")).click();
        browser.go(By.id("grant"));
        WebElement row = browser.find(By.xpath("//tr[.//span[contains(., '(" + purpose + ")')]]"));
        assertThat(row.findElement(By.className("consent-status")).getText()).isEqualTo("کارایە");
        browser.go(row.findElement(By.tagName("button")));
        WebElement revoked = browser.find(By.xpath("//tr[.//span[contains(., '(" + purpose + ")')]]"));
        assertThat(revoked.findElement(By.className("consent-status")).getText()).isEqualTo("هەڵوەشێنراوەتەوە");
        checkPage("ckb");
    }

    /** Waits until the citizen's latest granted read for {@code purpose} has an inclusion proof; its event id. */
    private String awaitProof(String purpose) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (JsonNode a : api.get("/api/v1/citizens/me/accesses", "citizen-demo").json().get("accesses")) {
                        if (purpose.equals(a.get("purpose").asText()) && !a.get("pending").asBoolean()) {
                            return a.get("eventId").asText();
                        }
                    }
                    return null;
                }, id -> id != null);
    }

    private void awaitAnyProof() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode a : api.get("/api/v1/citizens/me/accesses", "citizen-demo").json().get("accesses")) {
                if (!a.get("pending").asBoolean()) {
                    return true;
                }
            }
            return false;
        });
    }
}
