package org.sijil.api.registry;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The writing system a name field must use. Letters must all belong to the script; spaces, hyphens,
 * apostrophes, the zero-width non-joiner and combining marks (harakat) are allowed between them.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Script.Validator.class)
@interface Script {

    Kind value();

    String message() default "{constraint.Script}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        /** Arabic script only: Arabic, and Kurdish (Sorani) written in Arabic letters. */
        ARABIC,
        /** Latin script only: transliterations. */
        LATIN,
        /** Kurdish: Sorani in Arabic letters or Kurmanji in Latin letters, but not a mix. */
        KURDISH
    }

    final class Validator implements ConstraintValidator<Script, String> {
        private Kind kind;

        @Override
        public void initialize(Script annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty()) {
                return true;
            }
            return switch (kind) {
                case ARABIC -> allLettersIn(value, Character.UnicodeScript.ARABIC);
                case LATIN -> allLettersIn(value, Character.UnicodeScript.LATIN);
                case KURDISH -> allLettersIn(value, Character.UnicodeScript.ARABIC)
                        || allLettersIn(value, Character.UnicodeScript.LATIN);
            };
        }

        static boolean allLettersIn(String value, Character.UnicodeScript script) {
            boolean sawLetter = false;
            for (int i = 0; i < value.length(); ) {
                int cp = value.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetter(cp)) {
                    if (Character.UnicodeScript.of(cp) != script) {
                        return false;
                    }
                    sawLetter = true;
                } else if (!(Character.isSpaceChar(cp) || cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x200C
                        || cp == 0x0640 || Character.getType(cp) == Character.NON_SPACING_MARK)) {
                    return false;
                }
            }
            return sawLetter;
        }
    }
}
