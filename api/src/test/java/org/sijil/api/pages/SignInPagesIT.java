package org.sijil.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.sijil.api.it.Api;

/** Sign-in, language, sign-out, session expiry and CSRF on the pages; the API keeps its own rules. */
class SignInPagesIT extends BrowserTest {

    @Test
    void homeSendsAStrangerToTheSignInPageInArabic() {
        browser.open("/");
        assertThat(browser.path()).isEqualTo("/signin");
        checkPage("ar");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("تسجيل الدخول");
        browser.screenshot("signin-ar");
    }

    @Test
    void languageChosenIsRememberedAcrossPagesAndSignIn() {
        browser.open("/signin");
        browser.language("en");
        checkPage("en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.signInAs("registrar-baghdad");
        assertThat(browser.path()).isEqualTo("/officer");
        checkPage("en");
        browser.language("ckb");
        checkPage("ckb");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("گەڕان بەدوای کەسێکدا");
    }

    @Test
    void signOutEndsTheSession() {
        browser.signInAs("registrar-baghdad");
        assertThat(browser.path()).isEqualTo("/officer");
        browser.go(By.cssSelector(".signout button"));
        assertThat(browser.path()).isEqualTo("/signin?out");
        browser.open("/officer");
        assertThat(browser.path()).startsWith("/signin");
    }

    @Test
    void anExpiredSessionAsksToSignInAgain() {
        browser.signInAs("registrar-baghdad");
        browser.driver().manage().deleteCookieNamed("JSESSIONID");
        browser.driver().manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF"));
        browser.open("/officer");
        assertThat(browser.path()).isEqualTo("/signin?expired");
        checkPage("ar");
    }

    @Test
    void aRoleWithoutPagesGetsTheHomePage() {
        browser.signInAs("admin");
        assertThat(browser.path()).isEqualTo("/");
        checkPage("ar");
        browser.open("/officer");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("غير مسموح");
        checkPage("ar");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("name=\"_csrf\"");
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(base + "/signin/dev?as=admin"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    }

    @Test
    void theApiStillAnswersProblemJsonWithoutAToken() {
        Api.Response r = api.get("/api/v1/search?name=x", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }
}
