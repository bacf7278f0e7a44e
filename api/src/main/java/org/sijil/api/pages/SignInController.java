package org.sijil.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: the OpenID Connect provider's link and, on the embedded default, the demo identities. */
@Controller
class SignInController {

    private final ObjectProvider<DevSignIn> devSignIn;
    private final ObjectProvider<ClientRegistrationRepository> providers;
    private final SecurityContextRepository contexts;

    SignInController(ObjectProvider<DevSignIn> devSignIn, ObjectProvider<ClientRegistrationRepository> providers,
                     SecurityContextRepository pageSecurityContexts) {
        this.devSignIn = devSignIn;
        this.providers = providers;
        this.contexts = pageSecurityContexts;
    }

    @GetMapping("/signin")
    String signIn(Model model) {
        DevSignIn dev = devSignIn.getIfAvailable();
        model.addAttribute("identities", dev == null ? List.of() : dev.identities());
        List<String> registrations = List.of();
        if (providers.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
            registrations = StreamSupport.stream(repository.spliterator(), false)
                    .map(ClientRegistration::getRegistrationId).toList();
        }
        model.addAttribute("providers", registrations);
        return "signin";
    }

    @PostMapping("/signin/dev")
    String signInAs(@RequestParam(name = "as", required = false) String identity, HttpServletRequest request,
                    HttpServletResponse response) {
        DevSignIn dev = devSignIn.getIfAvailable();
        if (dev == null) {
            return "redirect:/signin";
        }
        Authentication authentication = dev.signIn(identity).orElse(null);
        if (authentication == null) {
            return "redirect:/signin?unknown";
        }
        // a new session id for the signed-in person, so one fixed before sign-in is worth nothing
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }
}
