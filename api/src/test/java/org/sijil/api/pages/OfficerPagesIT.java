package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sijil.api.it.Api;
import org.sijil.api.it.People;

/**
 * A registry officer at the counter: registers a birth with an Arabic lineage name, finds the child
 * by a variant spelling, records a death, and meets a validation error and a stale form. Names are
 * common Iraqi given and family names (see {@link People}).
 */
class OfficerPagesIT extends BrowserTest {

    @Test
    void registersABirthFindsTheChildByAVariantSpellingAndRecordsADeath() {
        browser.signInAs("registrar-baghdad");
        assertThat(browser.path()).isEqualTo("/officer");
        checkPage("ar");
        browser.go(By.cssSelector("a[href='/officer/births/new']"));
        checkPage("ar");
        browser.type("given", "حمزة");
        browser.type("father", "عبد الله");
        browser.type("grandfather", "مؤيد");
        browser.type("family", "التميمي");
        browser.type("motherGiven", "زهراء");
        browser.type("maternalGrandfather", "كاظم");
        browser.type("latinGiven", "Hamza");
        browser.type("latinFather", "Abdullah");
        browser.type("latinGrandfather", "Muayyad");
        browser.find(By.id("sex-male")).click();
        browser.type("dateOfBirth", "2025-02-10");
        new Select(browser.find(By.id("governorate"))).selectByValue("BGD");
        browser.type("locality", "مستشفى اليرموك");
        browser.screenshot("birth-form-ar");
        browser.go(By.id("submit"));

        assertThat(browser.path()).startsWith("/officer/persons/");
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("سُجِّلت الولادة.");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("حمزة عبد الله مؤيد التميمي");
        String nationalNumber = browser.find(By.id("national-number")).getText();
        assertThat(nationalNumber).matches("[0-9]{12}");
        checkPage("ar");
        browser.screenshot("person-ar");
        String personPath = browser.path().replaceAll("\\?.*", "");

        // taa marbuta written as haa, the hamza on waw left off: the search normalises both
        browser.open("/officer");
        browser.type("q", "حمزه عبد الله مويد");
        browser.go(By.cssSelector("form[role=search] button"));
        checkPage("ar");
        browser.screenshot("search-ar");
        WebElement hit = browser.find(By.cssSelector("a[href='" + personPath + "']"));
        browser.go(hit);
        assertThat(browser.find(By.id("national-number")).getText()).isEqualTo(nationalNumber);

        browser.go(By.id("record-death"));
        checkPage("ar");
        browser.type("dateOfDeath", "2025-03-01");
        new Select(browser.find(By.id("governorate"))).selectByValue("BGD");
        browser.go(By.id("submit"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("سُجِّلت الوفاة.");
        assertThat(browser.find(By.id("life-status")).getText()).isEqualTo("متوفى");
        assertThat(browser.find(By.id("date-of-death")).getText()).isEqualTo("2025-03-01");
    }

    @Test
    void aValidationErrorShowsBesideTheFieldInArabicAndKeepsTheInput() {
        browser.signInAs("registrar-baghdad");
        browser.open("/officer/births/new");
        browser.type("given", "Hamza");
        browser.type("father", "عبد الله");
        browser.type("dateOfBirth", "2025-13-40");
        browser.go(By.id("submit"));

        assertThat(browser.path()).isEqualTo("/officer/births");
        checkPage("ar");
        assertThat(browser.find(By.id("given-error")).getText())
                .isEqualTo("يجب أن تكون الحروف بالخط المطلوب (حروف عربية للأسماء العربية، ولاتينية للنقحرة).");
        assertThat(browser.find(By.id("grandfather-error")).getText()).isEqualTo("هذا الحقل مطلوب.");
        assertThat(browser.find(By.id("dateOfBirth-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("given")).getAttribute("value")).isEqualTo("Hamza");
        assertThat(browser.find(By.id("father")).getAttribute("value")).isEqualTo("عبد الله");
        assertThat(browser.find(By.id("dateOfBirth")).getAttribute("value")).isEqualTo("2025-13-40");
        assertThat(browser.find(By.cssSelector("#error-summary a[href='#given']")).isDisplayed()).isTrue();
        browser.screenshot("birth-error-ar");
    }

    @Test
    void aValidationErrorInKurdishAndInEnglish() {
        browser.signInAs("registrar-baghdad");
        browser.open("/officer/births/new");
        browser.language("ckb");
        browser.go(By.id("submit"));
        checkPage("ckb");
        assertThat(browser.find(By.id("given-error")).getText()).isEqualTo("ئەم خانەیە پێویستە.");

        browser.language("en");
        browser.open("/officer/births/new");
        browser.type("given", "حمزة");
        browser.go(By.id("submit"));
        checkPage("en");
        assertThat(browser.find(By.id("father-error")).getText()).isEqualTo("This field is required.");
        assertThat(browser.find(By.id("given")).getAttribute("value")).isEqualTo("حمزة");
        assertThat(browser.find(By.id("given")).getAttribute("dir")).isEqualTo("rtl");
    }

    @Test
    void aStaleFormShowsTheConflictAndTheRecordAsItStandsInsteadOfOverwriting() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad",
                People.birth("علي", "MALE", LocalDate.of(1980, 5, 5), "BGD", null, null));
        assertThat(birth.status()).isEqualTo(201);
        String personId = birth.json().get("personId").asText();
        long position = birth.json().get("position").asLong();

        browser.signInAs("registrar-baghdad");
        browser.open("/officer/persons/" + personId + "?after=" + position);
        browser.go(By.id("record-death"));
        browser.type("dateOfDeath", "2024-01-01");
        new Select(browser.find(By.id("governorate"))).selectByValue("BGD");

        // meanwhile another officer records a change of residence
        Api.Response moved = api.post("/api/v1/persons/" + personId + "/residence-changes", "registrar-baghdad",
                "{\"residence\": {\"governorate\": \"BGD\", \"district\": \"BGD-KARKH\"}, \"since\": \"2021-02-01\"}",
                "If-Match", "\"0\"");
        assertThat(moved.status()).isEqualTo(200);

        browser.go(By.id("submit"));
        checkPage("ar");
        WebElement conflict = browser.find(By.id("conflict"));
        assertThat(conflict.getText()).contains("تغيّر السجل أثناء ملئك لهذه الاستمارة");
        assertThat(browser.find(By.id("dateOfDeath")).getAttribute("value")).isEqualTo("2024-01-01");
        assertThat(api.get("/api/v1/persons/" + personId, "registrar-baghdad").json().get("alive").asBoolean())
                .isTrue();
        browser.screenshot("death-conflict-ar");

        // the officer has seen the record as it stands and submits again
        browser.go(By.id("submit"));
        assertThat(browser.find(By.id("life-status")).getText()).isEqualTo("متوفى");
    }

    @Test
    void recordsAChangeOfResidenceAndIssuesAnIdCard() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad",
                People.birth("زينب", "FEMALE", LocalDate.of(1993, 7, 2), "BGD", null, null));
        assertThat(birth.status()).isEqualTo(201);
        String personId = birth.json().get("personId").asText();
        String card = "A" + (100000 + ThreadLocalRandom.current().nextInt(900000));

        browser.signInAs("registrar-baghdad");
        browser.open("/officer/persons/" + personId + "?after=" + birth.json().get("position").asLong());
        browser.go(By.id("record-residence"));
        checkPage("ar");
        new Select(browser.find(By.id("governorate"))).selectByValue("BGD");
        new Select(browser.find(By.id("district"))).selectByValue("BGD-KARKH");
        browser.type("since", "2022-09-01");
        browser.go(By.id("submit"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("سُجِّل تغيير السكن.");

        browser.go(By.id("record-id-card"));
        checkPage("ar");
        browser.type("cardNumber", "a-1");
        browser.type("issuedOn", "2024-01-10");
        browser.type("expiresOn", "2034-01-10");
        browser.go(By.id("submit"));
        assertThat(browser.find(By.id("cardNumber-error")).getText()).isEqualTo("صيغة هذه القيمة غير صحيحة.");
        assertThat(browser.find(By.id("expiresOn")).getAttribute("value")).isEqualTo("2034-01-10");
        checkPage("ar");
        browser.type("cardNumber", card);
        browser.go(By.id("submit"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("سُجِّلت البطاقة.");
        assertThat(browser.find(By.tagName("main")).getText()).contains(card);
        // birth, residence, card: each event's signature checked by the browser with the published key
        browser.await(20, d -> d.findElements(By.cssSelector("#timeline .signature-status[data-state=verified]"))
                .size() == 3);
        assertThat(browser.find(By.cssSelector("#timeline .signature-status")).getText()).isEqualTo("✓ التوقيع صحيح");
        checkPage("ar");
        browser.driver().executeScript("const row = document.querySelector('tr.signed-event');"
                + "const bytes = atob(row.dataset.entry); const i = bytes.length - 1;"
                + "row.dataset.entry = btoa(bytes.slice(0, i) + String.fromCharCode(bytes.charCodeAt(i) ^ 1));"
                + "return window.sijilVerifySignatures();");
        browser.awaitState(By.cssSelector("tr.signed-event .signature-status"), "failed");
        assertThat(browser.all(By.cssSelector("#timeline .signature-status[data-state=verified]"))).hasSize(2);
        browser.screenshot("person-timeline-ar");
        JsonNode state = api.get("/api/v1/persons/" + personId, "registrar-baghdad").json();
        assertThat(state.at("/residence/district").asText()).isEqualTo("BGD-KARKH");
        assertThat(state.at("/idCards/0/cardNumber").asText()).isEqualTo(card);
    }

    @Test
    void recordsAChangeOfNameInEnglish() {
        Api.Response birth = api.post("/api/v1/births", "registrar-baghdad",
                People.birth("عبد الرحمن", "MALE", LocalDate.of(1985, 1, 20), "BGD", null, null));
        assertThat(birth.status()).isEqualTo(201);
        String personId = birth.json().get("personId").asText();

        browser.signInAs("registrar-baghdad");
        browser.language("en");
        browser.open("/officer/persons/" + personId + "?after=" + birth.json().get("position").asLong());
        browser.go(By.id("record-name"));
        checkPage("en");
        browser.type("given", "Omar");
        browser.type("father", "علي");
        browser.type("grandfather", "حسين");
        browser.type("motherGiven", "فاطمة");
        browser.type("maternalGrandfather", "عباس");
        browser.type("effectiveDate", "2024-06-01");
        browser.type("legalReference", "Karkh personal status court 2024/118");
        browser.go(By.id("submit"));
        checkPage("en");
        assertThat(browser.find(By.id("given-error")).getText()).isEqualTo(
                "Letters must be in the required script (Arabic letters for Arabic names, Latin for transliterations).");
        assertThat(browser.find(By.id("legalReference")).getAttribute("value"))
                .isEqualTo("Karkh personal status court 2024/118");

        browser.type("given", "عمر");
        browser.go(By.id("submit"));
        assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("The change of name is recorded.");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("عمر علي حسين");
        assertThat(browser.find(By.id("timeline")).getText()).contains("Change of name");
        checkPage("en");
    }
}
