package org.sijil.ops.bench.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sijil.api.access.PersonStates;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.store.JdbcPersonIndex;
import org.sijil.core.api.person.PersonState;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline: the ministry read without the consent decision and without the access record —
 * same authentication, same lookup by national number, same person state ({@link PersonStates}: folded
 * from the store, or kept and checked against the person's last stored event), the same categories
 * in the answer. Exists only in the benchmark's application context.
 */
@RestController
class BareRead {

    private final JdbcPersonIndex nationalNumbers;
    private final PersonStates persons;

    BareRead(JdbcPersonIndex nationalNumbers, PersonStates persons) {
        this.nationalNumbers = nationalNumbers;
        this.persons = persons;
    }

    @GetMapping("/bench/bare/persons")
    Map<String, Object> read(@RequestParam String nationalNumber, @RequestParam String purpose, Authentication auth) {
        ministry(auth, purpose);
        return answer(persons.load(personWith(nationalNumbers, nationalNumber), "nationalNumber"));
    }

    /** The caller, who must be a ministry system declaring a purpose. */
    static Caller ministry(Authentication auth, String purpose) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.MINISTRY) || purpose.isBlank()) {
            throw new AccessDeniedException("ministry systems only");
        }
        return caller;
    }

    /** The id of the person with the national number, as the checked read looks it up. */
    static UUID personWith(JdbcPersonIndex nationalNumbers, String nationalNumber) {
        return nationalNumbers.personWith(nationalNumber).orElseThrow();
    }

    /** The identity and civil status of the person, the categories the benchmark's consents cover. */
    static Map<String, Object> answer(PersonState person) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("identity", Map.of("nationalNumber", person.nationalNumber(), "name", person.name(),
                "sex", person.sex(), "dateOfBirth", person.dateOfBirth()));
        answer.put("civilStatus", Map.of("alive", person.alive(), "married", !person.activeMarriages().isEmpty()));
        return answer;
    }
}
