package org.sijil.store;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.sijil.core.text.CivilText;
import org.sijil.core.text.TextRefusedException;

/**
 * {@link CivilText#check} over every string of an event about to be stored, its payload and its
 * metadata, so no event with text a request would have refused reaches the store, however it was
 * made. Walks records (by their components), collections, maps (keys and values), arrays and
 * optionals; numbers, booleans, enums, UUIDs, dates, times and byte arrays hold no text. Any other
 * type is refused: its text could not be seen, so a new event shape is caught by the first test
 * that stores it, not in production.
 */
final class StoredText {

    /** Each record type's components and their accessors, found once. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] found = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    components[i].getAccessor().setAccessible(true);
                    found[i] = new Component(components[i].getName(),
                            MethodHandles.lookup().unreflect(components[i].getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), e);
                }
            }
            return found;
        }
    };

    private StoredText() {
    }

    /**
     * @throws TextRefusedException naming the field at fault ({@code payload.…} or {@code metadata.…})
     * @throws IllegalArgumentException if the event holds a value of a type whose text cannot be seen
     */
    static void check(EventMessage<?> event) {
        try {
            walk(event.getPayload());
        } catch (TextRefusedException e) {
            throw within(e, "payload");
        }
        try {
            walk(event.getMetaData());
        } catch (TextRefusedException e) {
            throw within(e, "metadata");
        }
    }

    /** Walks a value; a refusal names the field relative to it, so paths are built only when refused. */
    private static void walk(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof UUID || value instanceof TemporalAccessor || value instanceof TemporalAmount
                || value instanceof byte[]) {
            return;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            CivilText.check(value.toString());
        } else if (value instanceof Record) {
            for (Component component : COMPONENTS.get(value.getClass())) {
                try {
                    walk(component.value(value));
                } catch (TextRefusedException e) {
                    throw within(e, component.name());
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getKey());
                try {
                    walk(entry.getValue());
                } catch (TextRefusedException e) {
                    throw within(e, String.valueOf(entry.getKey()));
                }
            }
        } else if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                try {
                    walk(element);
                } catch (TextRefusedException e) {
                    throw within(e, "[" + i + "]");
                }
                i++;
            }
        } else if (value instanceof Optional<?> optional) {
            walk(optional.orElse(null));
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                try {
                    walk(Array.get(value, i));
                } catch (TextRefusedException e) {
                    throw within(e, "[" + i + "]");
                }
            }
        } else {
            throw new IllegalArgumentException("cannot check the text of a " + value.getClass().getName()
                    + " in an event: store records, strings, collections and maps of them");
        }
    }

    private static TextRefusedException within(TextRefusedException e, String outer) {
        String inner = e.field();
        return e.in(inner == null ? outer : outer + (inner.startsWith("[") ? "" : ".") + inner);
    }

    private record Component(String name, MethodHandle accessor) {

        Object value(Object record) {
            try {
                return accessor.invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + name, e);
            }
        }
    }
}
