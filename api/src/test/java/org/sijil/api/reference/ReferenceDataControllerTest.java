package org.sijil.api.reference;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sijil.api.security.DevIssuerConfiguration;
import org.sijil.api.security.SecurityConfiguration;
import org.sijil.api.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reference endpoints over the real migration on embedded PostgreSQL, behind the real
 * security rules (no token needed to read). The clock stands in 2010, before Halabja became
 * a governorate, so the default date is visibly the clock's.
 */
@WebMvcTest(properties = "sijil.security.dev-issuer.enabled=true")
class ReferenceDataControllerTest {

    @Configuration(proxyBeanMethods = false)
    @Import({ReferenceDataController.class, ReferenceData.class, SecurityConfiguration.class, DevIssuerConfiguration.class,
            ProblemWriter.class})
    static class Config {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2010-06-01T09:00:00Z"), ZoneId.of("Asia/Baghdad"));
        }

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        JdbcClient jdbcClient(EmbeddedPostgres postgres) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            return JdbcClient.create(postgres.getPostgresDatabase());
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void listsGovernoratesInEffectTodayByTheClockWithoutAToken() throws Exception {
        mvc.perform(get("/api/v1/reference/governorates"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(18)))
                .andExpect(jsonPath("$[*].code", not(hasItem("HAL"))))
                .andExpect(jsonPath("$[?(@.code == 'BGD')].nameAr", contains("بغداد")))
                .andExpect(jsonPath("$[?(@.code == 'BGD')].nameCkb", contains("بەغدا")))
                .andExpect(jsonPath("$[?(@.code == 'BGD')].nameEn", contains("Baghdad")))
                .andExpect(jsonPath("$[?(@.code == 'BGD')].validFrom", contains("1921-08-23")));
    }

    @Test
    void filtersGovernoratesByTheRequestedDate() throws Exception {
        mvc.perform(get("/api/v1/reference/governorates").param("on", "2014-03-13"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(19)))
                .andExpect(jsonPath("$[?(@.code == 'HAL')].nameCkb", contains("هەڵەبجە")));
    }

    @Test
    void listsDistrictsOfAGovernorateAsOfADate() throws Exception {
        mvc.perform(get("/api/v1/reference/governorates/SUL/districts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", contains("SUL-HALABJA", "SUL-SULAYMANIYAH")));
        mvc.perform(get("/api/v1/reference/governorates/SUL/districts").param("on", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", contains("SUL-SULAYMANIYAH")));
        mvc.perform(get("/api/v1/reference/governorates/NIN/districts"))
                .andExpect(jsonPath("$", hasSize(10)))
                .andExpect(jsonPath("$[*].governorateCode", everyItem(org.hamcrest.Matchers.is("NIN"))));
    }

    @Test
    void listsOfficesOfAGovernorate() throws Exception {
        mvc.perform(get("/api/v1/reference/offices").param("governorate", "NIN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("NIN-MOSUL-01")))
                .andExpect(jsonPath("$[*].governorateCode", everyItem(org.hamcrest.Matchers.is("NIN"))))
                .andExpect(jsonPath("$[?(@.code == 'NIN-MOSUL-01')].nameAr",
                        contains("دائرة الأحوال المدنية في الموصل الأولى")));
        mvc.perform(get("/api/v1/reference/offices"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("BGD-KARKH-01")))
                .andExpect(jsonPath("$[*].code", not(hasItem("HAL-HALABJA-01"))));
    }

    @Test
    void unknownGovernorateIsNotFoundProblem() throws Exception {
        mvc.perform(get("/api/v1/reference/governorates/HAL/districts"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("No governorate 'HAL' is in effect on 2010-06-01."))
                .andExpect(jsonPath("$.code").value("governorate.unknown"));
        mvc.perform(get("/api/v1/reference/offices").param("governorate", "XYZ"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void malformedDateIsBadRequestProblem() throws Exception {
        mvc.perform(get("/api/v1/reference/governorates").param("on", "13/03/2014"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void onlyReadingIsOpen() throws Exception {
        mvc.perform(post("/api/v1/reference/governorates"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
