package org.sijil.core.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sijil.core.api.access.AccessEvent;
import org.sijil.core.api.consent.ConsentEvent;
import org.sijil.core.api.consent.LegalBasisEvent;
import org.sijil.core.api.person.PersonEvent;

/**
 * The names under which events are stored, signed and published: {@code org.sijil.core.api.} and
 * the event's simple name. They are part of the trail's format (verifiers and feed clients read
 * them), so they do not follow the Java packages the contract is organised in.
 */
public final class EventTypes {

    private static final String PREFIX = "org.sijil.core.api.";

    private static final Map<String, Class<?>> BY_NAME = Stream.of(PersonEvent.class, ConsentEvent.class,
                    LegalBasisEvent.class, AccessEvent.class)
            .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
            .collect(Collectors.toUnmodifiableMap(EventTypes::storedName, Function.identity()));

    private EventTypes() {
    }

    /** Whether {@code type} is an event of the contract. */
    public static boolean isEvent(Class<?> type) {
        return BY_NAME.get(PREFIX + type.getSimpleName()) == type;
    }

    /** The stored name of {@code event}, an event class of the contract. */
    public static String storedName(Class<?> event) {
        return PREFIX + event.getSimpleName();
    }

    /** The event class stored as {@code name}, if it names one. */
    public static Optional<Class<?>> forStoredName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
