package org.sijil.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: its language and direction, where it is, and whether someone is signed in. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    @ModelAttribute
    void layout(HttpServletRequest request, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        String language = PageLanguage.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage()
                : PageLanguage.DEFAULT;
        model.addAttribute("lang", language);
        model.addAttribute("dir", language.equals("en") ? "ltr" : "rtl");
        // the language switch comes back here; a submitted form cannot be asked for again, so home instead
        String query = request.getQueryString();
        model.addAttribute("currentPath", !"GET".equals(request.getMethod()) ? "/"
                : request.getRequestURI() + (query == null ? "" : "?" + query));
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("signedIn", authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken));
    }
}
