package org.sijil.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Languages of the API's messages: English (default), Arabic and Central Kurdish (Sorani). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale ARABIC = Locale.forLanguageTag("ar");
    static final Locale KURDISH = Locale.forLanguageTag("ckb");

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String header = request.getHeader("Accept-Language");
                if (header != null) {
                    // "ku" alone is ambiguous; in Iraq's civil registry it means Sorani, written in Arabic script.
                    for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                        String tag = range.getRange().toLowerCase(Locale.ROOT);
                        if (tag.startsWith("ku") || tag.startsWith("ckb")) {
                            return KURDISH;
                        }
                        if (tag.startsWith("ar")) {
                            return ARABIC;
                        }
                        if (tag.startsWith("en")) {
                            return Locale.ENGLISH;
                        }
                    }
                }
                return Locale.ENGLISH;
            }
        };
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, ARABIC, KURDISH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }
}
