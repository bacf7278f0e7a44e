package org.sijil.api.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With the development issuer on, the demo citizen ({@code citizen-demo}) is a registered person:
 * registered once, at the first start, in the Karkh office of Baghdad, so that they have a record to
 * read, consents to grant and an access history to see. Never in production (no development issuer).
 */
@Component
@ConditionalOnProperty(name = "sijil.security.dev-issuer.enabled", havingValue = "true")
class DemoCitizen {

    private static final Logger log = LoggerFactory.getLogger(DemoCitizen.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UUID personId;

    DemoCitizen(CommandGateway commands, JdbcTemplate jdbc, Clock clock,
                @Value("${sijil.security.dev-issuer.citizen-person-id:00000000-0000-0000-0000-000000000001}")
                UUID personId) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.personId = personId;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Long known = jdbc.queryForObject("SELECT count(*) FROM national_number WHERE person_id = ?", Long.class,
                personId);
        if (known != null && known > 0) {
            return;
        }
        try {
            commands.sendAndWait(new RegisterBirthCommand(personId, null,
                    new PersonName(new LineageName("حيدر", "كريم", "جاسم", "الساعدي", "سعاد", "مهدي"), null,
                            new LineageName("Haidar", "Karim", "Jasim", "Al-Saadi", "Suad", "Mahdi")),
                    Sex.MALE, LocalDate.of(1988, 11, 2), new Place("BGD", null, "الكرخ"), null, null,
                    "BGD-KARKH-01", clock.instant()));
            log.info("Registered the demo citizen as person {}", personId);
        } catch (RuntimeException e) {
            log.warn("The demo citizen could not be registered as person {}", personId, e);
        }
    }
}
