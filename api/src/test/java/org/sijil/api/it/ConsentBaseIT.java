package org.sijil.api.it;

import org.sijil.core.api.person.PersonNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the consent and access tests share: the demo citizen ({@code citizen-demo}, person
 * {@value #CITIZEN}) registered as a person, and helpers to grant consents and count rows. The
 * context is shared with every other integration test, so tests count differences, never totals,
 * and use purpose codes of their own.
 */
abstract class ConsentBaseIT extends IntegrationTest {

    /** The default {@code sijil.security.dev-issuer.citizen-person-id}. */
    static final String CITIZEN = "00000000-0000-0000-0000-000000000001";

    @Autowired
    CommandGateway commands;

    String citizenNationalNumber;

    @BeforeEach
    void demoCitizenIsRegistered() {
        UUID id = UUID.fromString(CITIZEN);
        citizenNationalNumber = nationalNumberOf(id);
        if (citizenNationalNumber == null) {
            try {
                // the demo citizen, born in Baghdad; a common Baghdad lineage name
                commands.sendAndWait(new RegisterBirthCommand(id, NationalNumber.allocate(new SecureRandom()),
                        new PersonName(new LineageName("حيدر", "كريم", "جاسم", "الساعدي", "سعاد", "مهدي"),
                                null, new LineageName("Haidar", "Karim", "Jasim", "Al-Saadi", "Suad", "Mahdi")),
                        Sex.MALE, LocalDate.of(1988, 11, 2), new Place("BGD", null, "الكرخ"), null, null,
                        "BGD-KARKH-01", Instant.now()));
            } catch (RuntimeException e) {
                // registered meanwhile by another test: the lookup below tells
            }
            citizenNationalNumber = nationalNumberOf(id);
        }
        assertThat(citizenNationalNumber).isNotNull();
    }

    private String nationalNumberOf(UUID personId) {
        try {
            return nationalNumberOf(personId.toString());
        } catch (PersonNotFoundException e) {
            return null;
        }
    }

    /** A purpose code no other test uses. */
    static String purpose(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String grantJson(String ministry, String purpose, String categories, Instant from, Instant until,
                            boolean oneTime) {
        return """
                {"ministry": "%s", "purposeCode": "%s", "purposeText": "Checking vaccination records",
                 "categories": [%s], %s"validUntil": "%s", "oneTime": %s}
                """.formatted(ministry, purpose, categories, from == null ? "" : "\"validFrom\": \"" + from + "\", ",
                until, oneTime);
    }

    static Instant inDays(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Grants a consent as the demo citizen and returns its id. */
    String grant(String ministry, String purpose, String categories, boolean oneTime) {
        Api.Response r = api.post("/api/v1/citizens/me/consents", "citizen-demo",
                grantJson(ministry, purpose, categories, null, inDays(30), oneTime));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("consentId").asText();
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    long accessesOfCitizen() {
        return count("SELECT count(*) FROM access_history WHERE person_id = ?::uuid AND subject <> 'kafka-feed'",
                CITIZEN);
    }
}
