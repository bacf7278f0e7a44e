package org.sijil.api.pages;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sijil.api.registry.PersonController;
import org.sijil.api.registry.PersonController.DeathRequest;
import org.sijil.api.registry.PersonController.IdCardRequest;
import org.sijil.api.registry.PersonController.NameChangeRequest;
import org.sijil.api.registry.PersonController.ResidenceChangeRequest;
import org.sijil.api.registry.Recorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

/**
 * A life event the officer records on a registered person from a form: its name in the page's
 * path, its form, how the form becomes the API's request, and which API call records it.
 */
record LifeEvent<F extends VersionedForm, R>(
        String kind,
        Supplier<F> form,
        Function<String, String> fieldOf,
        BiFunction<F, PageErrors, R> request,
        Sender<R> send) {

    static final LifeEvent<DeathForm, DeathRequest> DEATH = new LifeEvent<>("death", DeathForm::new,
            DeathForm::fieldOf, DeathForm::request, PersonController::death);
    static final LifeEvent<ResidenceForm, ResidenceChangeRequest> RESIDENCE = new LifeEvent<>("residence",
            ResidenceForm::new, ResidenceForm::fieldOf, ResidenceForm::request, PersonController::changeResidence);
    static final LifeEvent<NameChangeForm, NameChangeRequest> NAME = new LifeEvent<>("name", NameChangeForm::new,
            NameChangeForm::fieldOf, NameChangeForm::request, PersonController::changeName);
    static final LifeEvent<IdCardForm, IdCardRequest> ID_CARD = new LifeEvent<>("id-card", IdCardForm::new,
            IdCardForm::fieldOf, IdCardForm::request, PersonController::issueIdCard);

    /** The API call that records the event. */
    interface Sender<R> {
        ResponseEntity<Recorded> send(PersonController persons, UUID personId, R request, String ifMatch,
                                      Authentication auth);
    }

    static LifeEvent<?, ?> of(String kind) {
        return switch (kind) {
            case "death" -> DEATH;
            case "residence" -> RESIDENCE;
            case "id-card" -> ID_CARD;
            case "name" -> NAME;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    VersionedForm newForm() {
        return form.get();
    }
}
