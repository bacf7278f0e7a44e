package org.sijil.api.pages;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.sijil.api.web.JurisdictionException;
import org.sijil.api.web.ProblemException;
import org.sijil.core.api.RegistryRuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What went wrong with a submitted form, in the reader's language: messages by form field (shown
 * beside the field and in the summary above the form), messages about the form as a whole, and
 * whether the record changed since the form was opened. The texts are the API's own (the same
 * bundle keys), so a page and a problem+json body say the same thing.
 */
public final class PageErrors {

    private final MessageSource messages;
    private final Locale locale;
    private final Function<String, String> fieldOf;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> general = new LinkedHashMap<>();
    private boolean conflict;

    /** @param fieldOf the form field a request path ({@code placeOfBirth.governorate}) names, or null */
    PageErrors(MessageSource messages, Function<String, String> fieldOf) {
        this.messages = messages;
        this.locale = LocaleContextHolder.getLocale();
        this.fieldOf = fieldOf;
    }

    void field(String field, String code, Object... args) {
        fields.putIfAbsent(field, text(code, args));
    }

    /** Adds what {@code refusal} says, beside the field it names where the form has that field. */
    void refusal(String requestPath, String code, Object... args) {
        String field = requestPath == null ? null : fieldOf.apply(requestPath);
        if (field != null) {
            field(field, code, args);
        } else {
            general.putIfAbsent(code, text(code, args));
        }
    }

    <T> void violations(Set<ConstraintViolation<T>> violations) {
        for (ConstraintViolation<T> v : violations) {
            refusal(v.getPropertyPath().toString(),
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
        }
    }

    /**
     * Records a refusal the application's beans threw, and answers whether it was one: anything
     * else is not a refusal of the form and is thrown on.
     */
    boolean caught(RuntimeException e) {
        if (e instanceof ConcurrencyException || e instanceof ConflictingModificationException) {
            conflict = true;
            general.put("version.conflict", text("version.conflict"));
        } else if (e instanceof RegistryRuleViolation violation) {
            refusal(violation.field(), violation.code());
        } else if (e instanceof ProblemException problem) {
            refusal(problem.field(), problem.code(), problem.args());
        } else if (e instanceof JurisdictionException outside) {
            refusal(null, "access.outside-jurisdiction", outside.governorate());
        } else {
            return false;
        }
        return true;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    public boolean conflict() {
        return conflict;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Map<String, String> general() {
        return general;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, messages.getMessage("value.malformed", null, locale), locale);
    }
}
