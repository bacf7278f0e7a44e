package org.sijil.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Languages of the API's messages: English (default), Arabic and Central Kurdish (Sorani). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final Locale ARABIC = Locale.forLanguageTag("ar");
    static final Locale KURDISH = Locale.forLanguageTag("ckb");

    /** Tomcat's own refusals (before any filter runs) as problem+json: see {@link ProblemReportValve}. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ObjectProvider<ProblemWriter> writer) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof StandardHost host) {
                ProblemReportValve.install(host, writer);
            }
        }));
    }

    /** Every {@code LocalDate} of every request body, in one place: see {@link StrictDates}. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictDates() {
        return builder -> builder.deserializerByType(LocalDate.class, new StrictDates());
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                String header = request.getHeader("Accept-Language");
                if (header != null && AcceptLanguageFilter.wellFormed(header)) {
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
