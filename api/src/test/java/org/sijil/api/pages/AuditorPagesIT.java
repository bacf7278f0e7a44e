package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sijil.api.it.Api;
import org.sijil.api.it.People;

/** The auditor's page: the checkpoint and an event's inclusion proof, checked in the browser. */
class AuditorPagesIT extends BrowserTest {

    @Test
    void anEventLookedUpIsVerifiedInTheBrowserAndAnAlteredProofFails() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad",
                People.birth("مريم", "FEMALE", LocalDate.of(2001, 4, 9), "BGD", null, null));
        assertThat(birth.status()).isEqualTo(201);
        String eventId = birth.json().get("eventIds").get(0).asText();
        // sequenced into the log and under a signed checkpoint
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Api.Response position = api.get("/api/v1/log/events/" + eventId, "auditor");
            if (position.status() != 200) {
                return false;
            }
            String checkpoint = api.get("/api/v1/log/checkpoint", null).body();
            return checkpoint.contains("\n") && Long.parseLong(checkpoint.split("\n")[1])
                    > position.json().get("index").asLong();
        });

        browser.signInAs("auditor");
        assertThat(browser.path()).isEqualTo("/auditor");
        browser.type("event", eventId);
        browser.go(By.id("lookup"));
        By cell = By.cssSelector("tr[data-event='" + eventId + "'] .proof-status");
        browser.awaitState(cell, "verified");
        assertThat(browser.find(By.id("verification")).getDomAttribute("data-state")).isEqualTo("verified");
        checkPage("ar");
        browser.screenshot("auditor-ar");

        // the first hash of the audit path altered in the page
        browser.driver().executeScript("const row = document.querySelector('tr.access');"
                + "const path = row.dataset.proof.split(' '); const bytes = atob(path[0]);"
                + "path[0] = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 0x80) + bytes.slice(1));"
                + "row.dataset.proof = path.join(' '); return window.sijilVerify();");
        browser.awaitState(cell, "failed");

        browser.type("event", "no-such-event");
        browser.go(By.id("lookup"));
        assertThat(browser.find(By.id("not-found")).getText()).isEqualTo("لا يوجد حدث بهذا المعرّف في السجل (بعد).");
    }

    @Test
    void onlyAuditorsOpenTheAuditorPage() {
        browser.signInAs("registrar-baghdad");
        browser.open("/auditor");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("غير مسموح");
        checkPage("ar");
    }
}
