package org.sijil.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sijil.core.api.ConsentRuleCodes;
import org.sijil.core.api.RuleCodes;
import org.sijil.core.text.TextRule;

/** Every rule a command can break is explained to the registrar in English, Arabic and Kurdish. */
class RuleMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_ar.properties", "messages_ckb.properties"})
    void everyRuleCodeHasAMessage(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/" + bundle);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            messages.load(reader);
        }

        Set<String> codes = new HashSet<>(RuleCodes.englishMeanings().keySet());
        codes.addAll(ConsentRuleCodes.englishMeanings().keySet());
        Arrays.stream(TextRule.values()).map(TextRule::code).forEach(codes::add);
        assertThat(codes).allSatisfy(code -> assertThat(messages.getProperty(code)).as(code).isNotBlank());
    }
}
