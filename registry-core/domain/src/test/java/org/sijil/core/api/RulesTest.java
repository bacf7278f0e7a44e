package org.sijil.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.person.PersonNotFoundException;
import org.sijil.core.api.person.PersonRule;

class RulesTest {

    private static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(List.of(FieldRule.values()));
        rules.addAll(List.of(PersonRule.values()));
        rules.addAll(List.of(ConsentRule.values()));
        return rules;
    }

    @Test
    void everyRuleHasItsOwnWellFormedCodeAndAnEnglishMeaning() {
        List<Rule> rules = all();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.code()).matches("[a-z-]+\\.[a-z-]+");
            assertThat(rule.meaning()).as(rule.code()).isNotBlank().endsWith(".");
        });
        assertThat(rules.stream().map(Rule::code)).doesNotHaveDuplicates();
    }

    @Test
    void personNotFoundIsItsRule() {
        assertThat(new PersonNotFoundException("motherId", null).rule()).isEqualTo(PersonRule.PERSON_NOT_FOUND);
    }
}
