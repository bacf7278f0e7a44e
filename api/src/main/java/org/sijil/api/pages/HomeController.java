package org.sijil.api.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page, which sends each person to the pages of their role, and the language switch. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        Caller caller = Caller.of(authentication);
        if (caller.hasRole(Roles.REGISTRAR)) {
            return "redirect:/officer";
        }
        if (caller.hasRole(Roles.CITIZEN)) {
            return "redirect:/citizen";
        }
        if (caller.hasRole(Roles.AUDITOR)) {
            return "redirect:/auditor";
        }
        model.addAttribute("roles", caller.roles().stream().sorted().toList());
        return "home";
    }

    /** Where a signed-in person lands on a page their role does not open (answered 403). */
    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }

    /** Remembers the chosen language for a year and goes back to the page it was chosen on. */
    @GetMapping("/lang")
    String language(@RequestParam(name = "to", required = false) String language,
                    @RequestParam(name = "back", required = false) String back, HttpServletResponse response) {
        if (language != null && PageLanguage.LANGUAGES.contains(language)) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(PageLanguage.COOKIE, language)
                    .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build().toString());
        }
        return "redirect:" + (localPath(back) ? back : "/");
    }

    /** Only a path on this site, so the switch cannot send anyone elsewhere. */
    static boolean localPath(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(c -> c < 0x20);
    }
}
