package org.sijil.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.List;
import org.sijil.core.text.CivilText;
import org.sijil.core.text.TextRefusedException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Holds every text of every request to {@link CivilText}: each string of a JSON body at any depth
 * (a deserializer on the web's JSON converter), and each query parameter, path variable and header
 * a controller takes as a {@code String} (an editor on every data binder). Accepted text reaches the
 * controllers in NFC; refused text is answered 400 with the rule's code and the field by
 * {@link Problems}, before any command is sent.
 *
 * <p>The deserializer goes on a copy of the JSON converter's ObjectMapper, not on the application's
 * ObjectMapper bean: Axon's general serializer (tokens, dead letters) is built from that bean and
 * must read back whatever it stored.
 */
@ControllerAdvice
class RequestText implements WebMvcConfigurer {

    @InitBinder
    void civilText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new CivilTextEditor());
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule module = new SimpleModule("sijil-civil-text").addDeserializer(String.class,
                new CivilTextDeserializer());
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy().registerModule(module));
            }
        }
    }

    /** Request text bound to a {@code String}: refused (an {@link IllegalArgumentException}) or in NFC. */
    private static final class CivilTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(CivilText.accept(text));
        }
    }

    /** JSON strings, refused or in NFC; a refusal carries the JSON path of the field, as Jackson builds it. */
    private static final class CivilTextDeserializer extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        CivilTextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            try {
                return CivilText.accept(value);
            } catch (TextRefusedException e) {
                throw new RefusedJsonText(parser, e);
            }
        }
    }

    /** A JSON string {@link CivilText} refused; its cause is the refusal. */
    static final class RefusedJsonText extends JsonMappingException {
        private static final long serialVersionUID = 1L;

        RefusedJsonText(JsonParser parser, TextRefusedException refusal) {
            super(parser, refusal.getMessage(), refusal);
        }

        TextRefusedException refusal() {
            return (TextRefusedException) getCause();
        }
    }
}
