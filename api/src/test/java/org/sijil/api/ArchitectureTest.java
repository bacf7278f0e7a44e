package org.sijil.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sijil.core.consent.Consent;
import org.sijil.core.consent.LegalBasis;
import org.sijil.core.person.BirthCommandHandler;
import org.sijil.core.person.MarriageCommandHandler;
import org.sijil.core.person.Person;
import org.sijil.store.AccessEventWriter;
import org.sijil.store.DataKeyStore;
import org.sijil.store.EventLedger;
import org.sijil.store.JdbcPersonIndex;
import org.sijil.store.read.LingeringEventSource;
import org.sijil.store.PersonErasedException;
import org.sijil.store.PersonStateReader;
import org.sijil.store.StoreConfiguration;
import org.sijil.store.StoreProperties;

/**
 * The application shell uses the event store through what the store publishes: its wiring and
 * settings, the reads and writes the web layer needs, and the stored rows; never the machinery
 * that seals, signs, groups or indexes events.
 */
class ArchitectureTest {

    private static final Set<Class<?>> PUBLISHED = Set.of(StoreConfiguration.class, StoreProperties.class,
            EventLedger.class, AccessEventWriter.class, LingeringEventSource.class, DataKeyStore.class,
            PersonErasedException.class, JdbcPersonIndex.class, PersonStateReader.class);

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sijil.api");

    @Test
    void usesTheStoreThroughWhatItPublishes() {
        noClasses().that().resideInAPackage("org.sijil.api..")
                .should().dependOnClassesThat(storeInternals())
                .check(classes);
    }

    /** Aggregates and command handlers are the write side's own: the shell sends commands and reads states. */
    @Test
    void usesNoAggregateOrCommandHandler() {
        noClasses().that().resideInAPackage("org.sijil.api..")
                .should().dependOnClassesThat().haveFullyQualifiedName(Person.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Consent.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(LegalBasis.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(BirthCommandHandler.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(MarriageCommandHandler.class.getName())
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> storeInternals() {
        return DescribedPredicate.describe("are the store's own machinery", c -> {
            if (!c.getPackageName().equals("org.sijil.store")) {
                return false;
            }
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            String name = outer.getName();
            return PUBLISHED.stream().noneMatch(p -> p.getName().equals(name));
        });
    }
}
