package org.sijil.core.person;

import static org.sijil.core.person.Rules.completeName;
import static org.sijil.core.person.Rules.completePlace;
import static org.sijil.core.person.Rules.notInFuture;
import static org.sijil.core.person.Rules.registrationDate;
import static org.sijil.core.person.Rules.required;
import static org.sijil.core.person.Rules.violation;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.sijil.core.api.person.RegisteredBirth;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.person.PersonNotFoundException;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;

/**
 * Registers live births. A birth names up to two other persons, the parents, whose records are
 * read to check the rules, so it is handled here rather than in the new aggregate.
 *
 * <p>Rules, in the order checked:
 * <ol>
 *   <li>the child's required fields are present, the Arabic lineage name is complete including
 *       the mother's names, and the place of birth has a governorate;</li>
 *   <li>a national number given (one from legacy records) has 12 digits and a valid Damm check digit;</li>
 *   <li>the date of birth is not after the registration date;</li>
 *   <li>the person id is not already registered;</li>
 *   <li>each parent named is a registered, non-erased person of the right sex (mother female,
 *       father male) born before the child; the mother was alive on the date of birth; the
 *       father may have died before it (a posthumous child) but not more than one year before —
 *       a plausibility bound wide enough for any recorded gestation, not a legal presumption;</li>
 *   <li>the national number is claimed in the {@link PersonIndex}, which rejects it if taken. Without
 *       one given, a number is allocated at random and claimed; one already taken is replaced by
 *       another, up to {@value #NUMBER_ATTEMPTS} times.</li>
 * </ol>
 * Not checked: that the child's recorded mother's name matches the mother's record (legacy
 * records spell names inconsistently; matching belongs to the search normalisation).
 */
public class BirthCommandHandler {

    /** Numbers allocated for one birth before it is refused; with 9·10^10 numbers a second is rare. */
    static final int NUMBER_ATTEMPTS = 5;

    private final Repository<Person> persons;
    private final PersonIndex index;
    private final SecureRandom random;

    /** @param random where allocated national numbers come from: strong, so they cannot be predicted */
    public BirthCommandHandler(Repository<Person> persons, PersonIndex index, SecureRandom random) {
        this.persons = Objects.requireNonNull(persons, "persons");
        this.index = Objects.requireNonNull(index, "index");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Registers the birth and returns the new person's id and national number. */
    @CommandHandler
    public RegisteredBirth handle(RegisterBirthCommand command) throws Exception {
        LocalDate today = registrationDate(command.recordedAt());
        required(command.personId(), "personId");
        completeName(command.name(), "name", true);
        required(command.sex(), "sex");
        required(command.dateOfBirth(), "dateOfBirth");
        completePlace(command.placeOfBirth(), "placeOfBirth");
        required(command.registrationOffice(), "registrationOffice");
        if (command.nationalNumber() != null && !NationalNumber.isValid(command.nationalNumber())) {
            throw violation(PersonRule.NATIONAL_NUMBER_INVALID, "nationalNumber",
                    "Not a 12-digit national number with a valid check digit");
        }
        notInFuture(command.dateOfBirth(), "dateOfBirth", today);
        if (command.motherId() != null) {
            checkParent(command.motherId(), "motherId", Sex.FEMALE, command.dateOfBirth(), command.dateOfBirth());
        }
        if (command.fatherId() != null) {
            checkParent(command.fatherId(), "fatherId", Sex.MALE, command.dateOfBirth(),
                    command.dateOfBirth().minusYears(1));
        }
        // also refuses a person id registered before (person.already-registered), without reading
        // the event store for every new id
        String number = claimNumber(command);
        persons.newInstance(() -> new Person(command, number));
        return new RegisteredBirth(command.personId(), number);
    }

    private String claimNumber(RegisterBirthCommand command) {
        if (command.nationalNumber() != null) {
            index.claimNationalNumber(command.nationalNumber(), command.personId());
            return command.nationalNumber();
        }
        for (int attempt = 1; ; attempt++) {
            String number = NationalNumber.allocate(random);
            try {
                index.claimNationalNumber(number, command.personId());
                return number;
            } catch (RegistryRuleViolation e) {
                if (e.rule() != PersonRule.NATIONAL_NUMBER_TAKEN || attempt == NUMBER_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * @param diedNoEarlierThan the earliest date of death that still allows the parenthood
     */
    private void checkParent(UUID parentId, String field, Sex sex, LocalDate childBorn, LocalDate diedNoEarlierThan) {
        Person parent = load(parentId, field);
        if (parent.isErased()) {
            throw violation(PersonRule.PERSON_ERASED, field, "The parent's record was erased");
        }
        if (parent.sex() != sex) {
            throw violation(PersonRule.PARENT_WRONG_SEX, field, field + " must name a " + sex + " person");
        }
        if (!parent.dateOfBirth().isBefore(childBorn)) {
            throw violation(PersonRule.PARENT_BORN_AFTER_CHILD, field,
                    "Parent born " + parent.dateOfBirth() + ", child born " + childBorn);
        }
        if (parent.dateOfDeath() != null && parent.dateOfDeath().isBefore(diedNoEarlierThan)) {
            throw violation(PersonRule.PARENT_DECEASED_BEFORE_BIRTH, field,
                    "Parent died " + parent.dateOfDeath() + ", child born " + childBorn);
        }
    }

    private Person load(UUID personId, String field) {
        try {
            Aggregate<Person> aggregate = persons.load(personId.toString());
            return aggregate.invoke(p -> p);
        } catch (AggregateNotFoundException e) {
            throw new PersonNotFoundException(field, personId);
        }
    }
}
