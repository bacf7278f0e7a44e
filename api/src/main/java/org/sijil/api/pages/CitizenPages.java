package org.sijil.api.pages;

import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sijil.api.access.CitizenAccessController;
import org.sijil.api.access.CitizenRecordController;
import org.sijil.api.consent.CitizenConsentController;
import org.sijil.api.consent.CitizenConsentController.GrantRequest;
import org.sijil.api.consent.ConsentProperties;
import org.sijil.core.api.DataCategory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The citizen's pages: their record, their consents, and who read their record. The access history
 * carries each entry's inclusion proof and the signed checkpoint as they come from the API; the
 * browser checks them itself ({@code /js/verify.js}), so this page states no verdict of its own.
 */
@Controller
class CitizenPages {

    private final CitizenRecordController records;
    private final CitizenConsentController consents;
    private final CitizenAccessController accesses;
    private final ConsentProperties consentProperties;
    private final Validator validator;
    private final MessageSource messages;
    private final Places places;

    CitizenPages(CitizenRecordController records, CitizenConsentController consents,
                 CitizenAccessController accesses, ConsentProperties consentProperties, Validator validator,
                 MessageSource messages, Places places) {
        this.records = records;
        this.consents = consents;
        this.accesses = accesses;
        this.consentProperties = consentProperties;
        this.validator = validator;
        this.messages = messages;
        this.places = places;
    }

    @GetMapping("/citizen")
    String record(Authentication auth, Model model) {
        model.addAttribute("person", records.record(auth));
        model.addAttribute("placeNames", places.names());
        return "citizen/record";
    }

    @GetMapping("/citizen/consents")
    String consents(Authentication auth, Model model) {
        return consentsPage(new ConsentForm(), new PageErrors(messages, ConsentForm::fieldOf), auth, model);
    }

    @PostMapping("/citizen/consents")
    String grant(@ModelAttribute("form") ConsentForm form, Authentication auth, Model model) {
        PageErrors errors = new PageErrors(messages, ConsentForm::fieldOf);
        GrantRequest request = form.request(errors);
        errors.violations(validator.validate(request));
        if (!errors.any()) {
            try {
                consents.grant(request, auth);
                return "redirect:/citizen/consents?granted";
            } catch (RuntimeException e) {
                if (!errors.caught(e)) {
                    throw e;
                }
            }
        }
        return consentsPage(form, errors, auth, model);
    }

    @PostMapping("/citizen/consents/{consentId}/revocation")
    String revoke(@PathVariable UUID consentId, Authentication auth) {
        consents.revoke(consentId, new CitizenConsentController.RevocationRequest("online-portal"), auth);
        return "redirect:/citizen/consents?revoked";
    }

    @GetMapping("/citizen/accesses")
    String accesses(Authentication auth, Model model) {
        model.addAttribute("history", accesses.accesses(null, null, null, auth));
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> organisations = new HashMap<>();
        consentProperties.ministries().forEach(m -> organisations.put(m, messages.getMessage("ministry." + m, null, m, locale)));
        organisations.put("citizen", messages.getMessage("role.CITIZEN", null, locale));
        model.addAttribute("organisations", organisations);
        return "citizen/accesses";
    }

    private String consentsPage(ConsentForm form, PageErrors errors, Authentication auth, Model model) {
        model.addAttribute("consents", consents.list(auth));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("ministries", consentProperties.ministries());
        model.addAttribute("categories", List.of(DataCategory.values()).stream().map(Enum::name).toList());
        return "citizen/consents";
    }
}
