package org.sijil.api.pages;

import jakarta.validation.Validator;
import java.util.UUID;
import org.sijil.api.query.PersonViewController;
import org.sijil.api.registry.BirthController;
import org.sijil.api.registry.EventHistoryController;
import org.sijil.api.registry.BirthController.RegisterBirthRequest;
import org.sijil.api.registry.PersonController;
import org.sijil.api.registry.Recorded;
import org.sijil.query.view.person.PersonRecord;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry officer's pages: search, the person page, and the life-event forms. Each calls the
 * same controller bean as the API, so the same rules, jurisdiction checks and access records apply;
 * a refusal comes back as the form again, with the officer's input and the reason beside the field.
 */
@Controller
class OfficerPages {

    /** The purpose recorded in the access history for a read made by these pages. */
    private static final String PURPOSE = "officer-page";

    private final PersonViewController views;
    private final EventHistoryController events;
    private final BirthController births;
    private final PersonController persons;
    private final Validator validator;
    private final MessageSource messages;
    private final Places places;

    OfficerPages(PersonViewController views, EventHistoryController events, BirthController births, PersonController persons, Validator validator,
                 MessageSource messages, Places places) {
        this.views = views;
        this.events = events;
        this.births = births;
        this.persons = persons;
        this.validator = validator;
        this.messages = messages;
        this.places = places;
    }

    @GetMapping("/officer")
    String search(@RequestParam(name = "q", required = false) String query, Authentication auth, Model model) {
        model.addAttribute("q", query == null ? "" : query);
        if (query != null && !query.isBlank()) {
            String q = query.strip();
            PageErrors errors = new PageErrors(messages, path -> "q");
            try {
                boolean number = q.matches("[0-9]{12}");
                PersonViewController.SearchResult result = views.search(number ? q : null, number ? null : q, null,
                        null, PURPOSE, auth);
                model.addAttribute("hits", result.hits());
            } catch (RuntimeException e) {
                if (!errors.caught(e)) {
                    throw e;
                }
            }
            model.addAttribute("errors", errors);
        }
        return "officer/search";
    }

    @GetMapping("/officer/persons/{personId}")
    String person(@PathVariable UUID personId, @RequestParam(name = "after", required = false) Long after,
                  @RequestParam(name = "recorded", required = false) String recorded, Authentication auth,
                  Model model) {
        PersonRecord person = views.person(personId, after, PURPOSE, auth);
        model.addAttribute("person", person);
        model.addAttribute("timeline", events.history(personId, PURPOSE, auth).stream().map(TimelineEntry::of).toList());
        model.addAttribute("recorded", recorded);
        model.addAttribute("placeNames", places.names());
        return "officer/person";
    }

    @GetMapping("/officer/births/new")
    String birthForm(Model model) {
        return birthPage(new BirthForm(), new PageErrors(messages, BirthForm::fieldOf), model);
    }

    @PostMapping("/officer/births")
    String registerBirth(@ModelAttribute("form") BirthForm form, Authentication auth, Model model) {
        PageErrors errors = new PageErrors(messages, BirthForm::fieldOf);
        RegisterBirthRequest request = form.request(errors);
        errors.violations(validator.validate(request));
        if (errors.any()) {
            return birthPage(form, errors, model);
        }
        try {
            Recorded recorded = births.register(request, auth).getBody();
            return "redirect:/officer/persons/" + recorded.personId() + "?after=" + recorded.position()
                    + "&recorded=birth";
        } catch (RuntimeException e) {
            if (!errors.caught(e)) {
                throw e;
            }
            return birthPage(form, errors, model);
        }
    }

    @GetMapping("/officer/persons/{personId}/{kind}")
    String eventForm(@PathVariable UUID personId, @PathVariable String kind, Authentication auth, Model model) {
        LifeEvent<?, ?> event = LifeEvent.of(kind);
        PersonRecord person = views.person(personId, null, PURPOSE, auth);
        VersionedForm form = event.newForm();
        form.setVersion(Long.toString(person.version()));
        return eventPage(event, person, form, new PageErrors(messages, event.fieldOf()), model);
    }

    @PostMapping("/officer/persons/{personId}/death")
    String registerDeath(@PathVariable UUID personId, @ModelAttribute("form") DeathForm form, Authentication auth,
                         Model model) {
        return record(LifeEvent.DEATH, personId, form, auth, model);
    }

    @PostMapping("/officer/persons/{personId}/residence")
    String changeResidence(@PathVariable UUID personId, @ModelAttribute("form") ResidenceForm form,
                           Authentication auth, Model model) {
        return record(LifeEvent.RESIDENCE, personId, form, auth, model);
    }

    @PostMapping("/officer/persons/{personId}/name")
    String changeName(@PathVariable UUID personId, @ModelAttribute("form") NameChangeForm form, Authentication auth,
                      Model model) {
        return record(LifeEvent.NAME, personId, form, auth, model);
    }

    @PostMapping("/officer/persons/{personId}/id-card")
    String issueIdCard(@PathVariable UUID personId, @ModelAttribute("form") IdCardForm form, Authentication auth,
                       Model model) {
        return record(LifeEvent.ID_CARD, personId, form, auth, model);
    }

    /**
     * Records a life event from its form: the request is checked as the API checks it, sent with the
     * version the officer saw, and on a refusal the form comes back; on a conflict, with the record as
     * it stands and its version, so that submitting again is a decision made on the current record.
     */
    private <F extends VersionedForm, R> String record(LifeEvent<F, R> event, UUID personId, F form,
                                                       Authentication auth, Model model) {
        PageErrors errors = new PageErrors(messages, event.fieldOf());
        R request = event.request().apply(form, errors);
        errors.violations(validator.validate(request));
        if (!errors.any()) {
            try {
                Recorded recorded = event.send().send(persons, personId, request, form.ifMatch(), auth).getBody();
                return "redirect:/officer/persons/" + personId + "?after=" + recorded.position()
                        + "&recorded=" + event.kind();
            } catch (RuntimeException e) {
                if (!errors.caught(e)) {
                    throw e;
                }
            }
        }
        PersonRecord person = views.person(personId, null, PURPOSE, auth);
        if (errors.conflict()) {
            form.setVersion(Long.toString(person.version()));
        }
        return eventPage(event, person, form, errors, model);
    }

    private String birthPage(BirthForm form, PageErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("places", places.options());
        return "officer/birth";
    }

    private String eventPage(LifeEvent<?, ?> event, PersonRecord person, VersionedForm form, PageErrors errors,
                             Model model) {
        model.addAttribute("kind", event.kind());
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("places", places.options());
        model.addAttribute("placeNames", places.names());
        return "officer/event";
    }
}
