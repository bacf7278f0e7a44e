package org.sijil.api.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sijil.core.api.person.PersonRule;
import org.sijil.api.security.Caller;
import org.sijil.api.security.Roles;
import org.sijil.core.api.person.PersonState;
import org.sijil.core.api.RegistryRuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's own current record. The person is the one named in the caller's token and nobody
 * else: there is no parameter by which a citizen could ask for another person. The read is
 * recorded (basis {@code OWN_RECORD}) before the record is returned, like every other read.
 */
@RestController
@Tag(name = "Consents")
public class CitizenRecordController {

    private final PersonStates persons;
    private final AccessRecorder recorder;

    CitizenRecordController(PersonStates persons, AccessRecorder recorder) {
        this.persons = persons;
        this.recorder = recorder;
    }

    @GetMapping("/api/v1/citizens/me/record")
    @Operation(summary = "The caller's own current record (citizens)",
            description = "Recorded in the caller's access history, like every read of a record.")
    public PersonState record(Authentication auth) {
        Caller caller = Caller.of(auth);
        if (!caller.hasRole(Roles.CITIZEN) || caller.personId() == null) {
            throw new AccessDeniedException("citizens only");
        }
        PersonState person = persons.load(caller.personId(), "personId");
        if (person.erased()) {
            throw new RegistryRuleViolation(PersonRule.PERSON_ERASED, "personId", "The person's data was erased");
        }
        recorder.record(caller, AccessRecorder.Entry.ownRecord(caller.personId(), AccessRecorder.WHOLE_RECORD));
        return person;
    }
}
