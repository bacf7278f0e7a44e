package org.sijil.ops.bench.writeside;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.MetaData;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.RegistryRuleViolation;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.sijil.crypto.sign.KeyDirectory;
import org.sijil.crypto.sign.SigningKey;
import org.sijil.ops.bench.BenchApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application, in this process, on a database of the benchmark's PostgreSQL; births go
 * through its command gateway exactly as {@code BirthController} sends them.
 */
final class SijilApp implements AutoCloseable {

    /** The Karkh registrar of the development issuer, as {@code RegistrarDesk} puts them in metadata. */
    static final MetaData RECORDED_BY = MetaData.from(Map.of(
            "officer", "registrar-baghdad", "officerRole", "REGISTRAR",
            "office", "BGD-KARKH-01", "governorate", "BGD"));

    /** The name used in the integration tests' births (api/src/test/.../People.java). */
    static final PersonName NAME = new PersonName(
            new LineageName("كرار", "علي", "حسين", "الجبوري", "فاطمة", "عباس"),
            new LineageName("كرار", "عەلی", "حوسێن", null, null, null),
            new LineageName("Given", "Ali", "Hussein", "Al-Jubouri", null, null));
    static final Place PLACE = new Place("BGD", null, "مستشفى اليرموك");
    static final LocalDate BORN = LocalDate.of(2024, 4, 4);

    private final ConfigurableApplicationContext context;
    private final CommandGateway commands;

    private SijilApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.commands = context.getBean(CommandGateway.class);
    }

    /**
     * @param groupCommit the application's {@code sijil.group-commit.*} settings, as {@code key=value}
     * @param readers     false pauses the tracking processors (views, transparency log) and leaves out the
     *                    Kafka feed, as when the read side runs on other nodes
     */
    static SijilApp start(String name, String jdbcUrl, Path dir, boolean signing, Map<String, String> groupCommit,
                          boolean readers) {
        BenchApplication application = BenchApplication.onDatabase(jdbcUrl, dir)
                .set("spring.application.name", name)
                .set("spring.main.banner-mode", "off")
                // the embedded default's pool size (EmbeddedPostgresConfiguration)
                .set("spring.datasource.hikari.maximum-pool-size", 20)
                .set("sijil.signing", signing)
                .set("sijil.signing-off-for-benchmarks-only", !signing)
                .set("sijil.security.dev-issuer.enabled", true)
                .set("sijil.feeds.enabled", readers)
                // the log goes to a file (BenchApplication.logToFile), all of it
                .set("logging.level.root", "INFO");
        groupCommit.forEach((key, value) -> application.set("sijil.group-commit." + key, value));
        ConfigurableApplicationContext context = application.start();
        if (!readers) {
            context.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
        }
        return new SijilApp(context);
    }

    /**
     * Registers one birth of a new person; like {@code BirthController}, draws a new national number
     * if the random one is already taken.
     */
    void registerBirth(SecureRandom random) {
        UUID personId = UUID.randomUUID();
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(new RegisterBirthCommand(personId, NationalNumber.allocate(random), NAME,
                        Sex.FEMALE, BORN, PLACE, null, null, "BGD-KARKH-01", Instant.now()), RECORDED_BY);
                return;
            } catch (RegistryRuleViolation e) {
                if (!"national-number.taken".equals(e.code()) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The key this application signs new events with. */
    SigningKey signingKey() {
        return context.getBean(KeyDirectory.class).activeKey();
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
