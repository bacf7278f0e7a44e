package org.sijil.core.person;

import static org.sijil.core.person.Rules.completePlace;
import static org.sijil.core.person.Rules.registrationDate;
import static org.sijil.core.person.Rules.required;
import static org.sijil.core.person.Rules.violation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.sijil.core.api.person.PersonNotFoundException;
import org.sijil.core.api.person.RegisterDivorceCommand;
import org.sijil.core.api.person.RegisterMarriageCommand;
import org.sijil.core.api.person.PersonRule;
import org.sijil.core.api.person.SpouseRole;

/**
 * Registers marriages and divorces, each recorded in both spouses' streams within one unit of
 * work, so either both streams get the event or neither does.
 *
 * <p>Marriage rules, in the order checked: required fields; the marriage id is new; husband
 * and wife are different registered persons; each is not erased, alive, of the role's sex and at
 * least 18 on the marriage date (Iraqi Personal Status Law No. 188 of 1959, art. 7; the court's
 * discretion from 15 under art. 8 is not provided for); the two are not already married to each
 * other; the wife is in no marriage still in force on the marriage date; a husband with a
 * marriage in force may marry again only with a court's authorisation (art. 3). A marriage is in
 * force on a date unless ended by divorce on or before it or by the other spouse's death on or
 * before it. Not enforced: the waiting period ('idda) before a divorced or widowed wife may
 * remarry, and any limit on the number of concurrent wives.
 *
 * <p>Divorce rules: the marriage is registered, both spouses are alive and not erased, the
 * marriage has not ended already, and the divorce is dated on or after the marriage and not
 * after the registration date.
 */
public class MarriageCommandHandler {

    private final Repository<Person> persons;
    private final MarriageIndex marriages;

    public MarriageCommandHandler(Repository<Person> persons, MarriageIndex marriages) {
        this.persons = Objects.requireNonNull(persons, "persons");
        this.marriages = Objects.requireNonNull(marriages, "marriages");
    }

    @CommandHandler
    public void handle(RegisterMarriageCommand command) {
        registrationDate(command.recordedAt());
        required(command.marriageId(), "marriageId");
        required(command.husbandId(), "husbandId");
        required(command.wifeId(), "wifeId");
        required(command.marriageDate(), "marriageDate");
        completePlace(command.place(), "place");
        required(command.registrationOffice(), "registrationOffice");
        if (marriages.find(command.marriageId()).isPresent()) {
            throw violation(PersonRule.MARRIAGE_ID_TAKEN, "marriageId", "Marriage already registered");
        }
        if (command.husbandId().equals(command.wifeId())) {
            throw violation(PersonRule.MARRIAGE_SAME_PERSON, "wifeId", "Husband and wife are the same person");
        }
        Pair pair = loadInOrder(command.husbandId(), "husbandId", command.wifeId(), "wifeId");
        Aggregate<Person> husband = pair.husband();
        Aggregate<Person> wife = pair.wife();
        husband.execute(p -> p.checkCanMarry(command, SpouseRole.HUSBAND));
        wife.execute(p -> p.checkCanMarry(command, SpouseRole.WIFE));

        LocalDate date = command.marriageDate();
        boolean husbandMarried = false;
        for (Person.Marriage m : husband.invoke(p -> p.marriagesInForceOn(date))) {
            if (command.wifeId().equals(m.spouseId())) {
                throw violation(PersonRule.MARRIAGE_ALREADY_MARRIED_TO_EACH_OTHER, "wifeId",
                        "Already married to each other (marriage " + m.marriageId() + ")");
            }
            husbandMarried |= spouseAliveOn(m, date);
        }
        for (Person.Marriage m : wife.invoke(p -> p.marriagesInForceOn(date))) {
            if (spouseAliveOn(m, date)) {
                throw violation(PersonRule.MARRIAGE_CONFLICTING, "wifeId",
                        "The wife's marriage " + m.marriageId() + " is in force on " + date);
            }
        }
        if (husbandMarried && (command.courtAuthorisation() == null || command.courtAuthorisation().isBlank())) {
            throw violation(PersonRule.MARRIAGE_COURT_AUTHORISATION_REQUIRED, "courtAuthorisation",
                    "The husband is married; a further marriage needs a court's authorisation");
        }

        husband.execute(p -> p.recordMarriage(command, SpouseRole.HUSBAND));
        wife.execute(p -> p.recordMarriage(command, SpouseRole.WIFE));
        marriages.record(command.marriageId(), command.husbandId(), command.wifeId());
    }

    @CommandHandler
    public void handle(RegisterDivorceCommand command) {
        registrationDate(command.recordedAt());
        required(command.marriageId(), "marriageId");
        required(command.divorceDate(), "divorceDate");
        required(command.courtReference(), "courtReference");
        required(command.registrationOffice(), "registrationOffice");
        Spouses spouses = marriages.find(command.marriageId()).orElseThrow(() -> violation(
                PersonRule.MARRIAGE_NOT_FOUND, "marriageId", "No marriage " + command.marriageId()));
        Pair pair = loadInOrder(spouses.husbandId(), "marriageId", spouses.wifeId(), "marriageId");
        pair.husband().execute(p -> p.checkCanDivorce(command));
        pair.wife().execute(p -> p.checkCanDivorce(command));
        pair.husband().execute(p -> p.recordDivorce(command));
        pair.wife().execute(p -> p.recordDivorce(command));
    }

    /**
     * Whether the other spouse of {@code m} was alive on {@code date}. A spouse whose record cannot
     * be loaded is taken as alive, so the marriage still counts.
     */
    private boolean spouseAliveOn(Person.Marriage m, LocalDate date) {
        if (m.spouseId() == null) {
            return true;
        }
        try {
            LocalDate died = persons.load(m.spouseId().toString()).invoke(Person::dateOfDeath);
            return died == null || died.isAfter(date);
        } catch (AggregateNotFoundException e) {
            return true;
        }
    }

    /**
     * Loads husband then wife, but acquires their locks in identifier order, so two commands about
     * the same two persons cannot each hold one lock and wait for the other.
     */
    private Pair loadInOrder(UUID husbandId, String husbandField, UUID wifeId, String wifeField) {
        Aggregate<Person> husband;
        Aggregate<Person> wife;
        if (husbandId.compareTo(wifeId) <= 0) {
            husband = load(husbandId, husbandField);
            wife = load(wifeId, wifeField);
        } else {
            wife = load(wifeId, wifeField);
            husband = load(husbandId, husbandField);
        }
        return new Pair(husband, wife);
    }

    private Aggregate<Person> load(UUID personId, String field) {
        try {
            return persons.load(personId.toString());
        } catch (AggregateNotFoundException e) {
            throw new PersonNotFoundException(field, personId);
        }
    }

    private record Pair(Aggregate<Person> husband, Aggregate<Person> wife) {
    }
}
