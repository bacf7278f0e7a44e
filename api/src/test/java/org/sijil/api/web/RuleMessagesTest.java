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
import java.util.List;
import java.util.ArrayList;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sijil.core.api.FieldRule;
import org.sijil.core.api.Rule;
import org.sijil.core.api.consent.ConsentRule;
import org.sijil.core.api.person.PersonRule;
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

        Set<String> codes = new HashSet<>();
        Stream.of(FieldRule.values(), PersonRule.values(), ConsentRule.values()).flatMap(Arrays::stream)
                .map(Rule::code).forEach(codes::add);
        Arrays.stream(TextRule.values()).map(TextRule::code).forEach(codes::add);
        assertThat(codes).allSatisfy(code -> assertThat(messages.getProperty(code)).as(code).isNotBlank());
    }

    /** A key written twice would silently replace the first message with the second. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_ar.properties", "messages_ckb.properties"})
    void noKeyIsWrittenTwice(String bundle) throws IOException {
        List<String> keys = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/i18n/" + bundle)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                    keys.add(line.substring(0, line.indexOf('=')).strip());
                }
            }
        }
        assertThat(keys).doesNotHaveDuplicates();
    }
}
