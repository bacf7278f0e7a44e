package org.sijil.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleCodesTest {

    @Test
    void everyCodeConstantHasAnEnglishMeaningAndNothingElseDoes() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field f : RuleCodes.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        assertThat(RuleCodes.englishMeanings().keySet()).containsExactlyElementsOf(constants);
        assertThat(constants).allMatch(code -> code.matches("[a-z-]+\\.[a-z-]+"));
    }

    @Test
    void personNotFoundUsesAListedCode() {
        assertThat(new PersonNotFoundException("motherId", null).code()).isEqualTo(RuleCodes.PERSON_NOT_FOUND);
    }
}
