package org.sijil.api.it;

import org.sijil.api.access.PersonStates;
import org.sijil.core.api.person.PersonNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sijil.api.SijilApplication;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.RegisterBirthCommand;
import org.sijil.core.api.Sex;
import org.sijil.core.nationalnumber.NationalNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Ministry systems over mutual TLS ({@code sijil.security.mutual-tls.enabled=true}), for real: the
 * application's only connector speaks TLS with {@code server.ssl.client-auth=want}, trusting a
 * ministry-client CA this test creates with Bouncy Castle, and the clients are the JDK's HTTP client
 * with or without a client certificate. A ministry's token is honoured only with its own ministry's
 * certificate (or, if the token is certificate-bound, with that very certificate); a ministry's
 * certificate alone also authenticates; other callers need none. Refusals are problem+json and
 * record nothing, since nothing was read.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = SijilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MinistryMutualTlsIT {

    static final String CITIZEN = "00000000-0000-0000-0000-000000000001";
    static final String HEALTH_DN = "CN=moh-records-01,OU=health,O=Ministry of Health,C=IQ";
    static final String HEALTH_2_DN = "CN=moh-records-02,OU=health,O=Ministry of Health,C=IQ";
    static final String INTERIOR_DN = "CN=moi-records-01,OU=interior,O=Ministry of Interior,C=IQ";
    static final String UNLISTED_DN = "CN=moh-unlisted,OU=health,O=Ministry of Health,C=IQ";

    static final Path DATA = EmbeddedDefaults.newDataDir();
    static final Pki PKI = new Pki();

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        EmbeddedDefaults.register(registry, DATA);
        registry.add("sijil.security.mutual-tls.enabled", () -> "true");
        registry.add("sijil.access.ministry-certificates[" + HEALTH_DN + "]", () -> "health");
        registry.add("sijil.access.ministry-certificates[" + HEALTH_2_DN + "]", () -> "health");
        registry.add("sijil.access.ministry-certificates[" + INTERIOR_DN + "]", () -> "interior");
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.certificate", () -> "file:" + PKI.serverCertificate);
        registry.add("server.ssl.certificate-private-key", () -> "file:" + PKI.serverKey);
        // the trust store holds the ministry-client CA alone
        registry.add("server.ssl.trust-certificate", () -> "file:" + PKI.ministryCaCertificate);
        registry.add("server.ssl.client-auth", () -> "want");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    PersonStates persons;

    String nationalNumber;
    String purpose;

    @BeforeEach
    void demoCitizenConsentsToTheHealthMinistry() {
        UUID id = UUID.fromString(CITIZEN);
        if (nationalNumberOf(id) == null) {
            // the demo citizen, born in Baghdad; a common Baghdad lineage name
            commands.sendAndWait(new RegisterBirthCommand(id, NationalNumber.allocate(new SecureRandom()),
                    new PersonName(new LineageName("حيدر", "كريم", "جاسم", "الساعدي", "سعاد", "مهدي"),
                            null, new LineageName("Haidar", "Karim", "Jasim", "Al-Saadi", "Suad", "Mahdi")),
                    Sex.MALE, LocalDate.of(1988, 11, 2), new Place("BGD", null, "الكرخ"), null, null,
                    "BGD-KARKH-01", Instant.now()));
        }
        nationalNumber = nationalNumberOf(id);
        purpose = "vaccination-" + UUID.randomUUID().toString().substring(0, 8);
        // a citizen needs no certificate
        Response granted = send(PKI.anonymous, "POST", "/api/v1/citizens/me/consents",
                token(PKI.anonymous, "citizen-demo"), """
                {"ministry": "health", "purposeCode": "%s", "purposeText": "Checking vaccination records",
                 "categories": ["IDENTITY", "CIVIL_STATUS"], "validUntil": "%s"}
                """.formatted(purpose, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
    }

    @Test
    void aMinistryReadsWithItsTokenAndItsOwnCertificate() {
        String token = token(PKI.anonymous, "ministry-health");
        long before = accesses();

        Response read = read(PKI.health, token);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("identity").get("nationalNumber").asText()).isEqualTo(nationalNumber);
        assertThat(jdbc.queryForMap("SELECT subject, organisation, outcome FROM access_history WHERE access_id = ?",
                UUID.fromString(read.json().get("accessId").asText())))
                .containsEntry("subject", "ministry-health").containsEntry("organisation", "health")
                .containsEntry("outcome", "GRANTED");
        assertThat(accesses()).isEqualTo(before + 1);
    }

    @Test
    void aMinistryTokenWithoutACertificateIsUnauthorised() {
        String token = token(PKI.anonymous, "ministry-health");
        long before = accesses();

        Response read = read(PKI.anonymous, token);

        assertRefused(read, 401, "ministry clients must present their TLS client certificate");
        assertThat(read.header("WWW-Authenticate")).contains("invalid_token");
        assertThat(accesses()).isEqualTo(before);
    }

    @Test
    void anotherMinistrysCertificateIsForbidden() {
        String token = token(PKI.anonymous, "ministry-health");
        long before = accesses();

        Response read = read(PKI.interior, token);

        assertRefused(read, 403, "role");
        assertThat(accesses()).isEqualTo(before);
    }

    @Test
    void aCertificateOfTheTrustedCaThatIsNotListedIsUnauthorised() {
        String token = token(PKI.anonymous, "ministry-health");

        Response read = read(PKI.unlisted, token);

        assertRefused(read, 401, "not an accepted ministry certificate");
    }

    @Test
    void aCertificateFromAnotherCaDoesNotGetPastTls() {
        String token = token(PKI.anonymous, "ministry-health");

        assertThatThrownBy(() -> read(PKI.rogue, token)).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void aCertificateBoundTokenIsHonouredOnlyWithThatCertificate() throws Exception {
        // asked for over a connection with a client certificate, the token is bound to it (RFC 8705)
        String token = token(PKI.health, "ministry-health");
        JsonNode claims = Response.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.at("/cnf/x5t#S256").asText()).isEqualTo(PKI.health.thumbprint());

        assertThat(read(PKI.health, token).status()).isEqualTo(200);
        // a certificate of the same ministry, also listed, is still not the one the token is bound to
        assertRefused(read(PKI.health2, token), 401, "bound to another client certificate");
        assertRefused(read(PKI.anonymous, token), 401, "bound to a client certificate");
    }

    @Test
    void aMinistryCertificateAloneAuthenticatesAsThatMinistry() {
        long before = accesses();

        Response read = send(PKI.health, "GET", readPath(), null, null);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT subject, organisation FROM access_history WHERE access_id = ?",
                UUID.fromString(read.json().get("accessId").asText())))
                .containsEntry("subject", HEALTH_DN).containsEntry("organisation", "health");
        assertThat(accesses()).isEqualTo(before + 1);
        // the interior ministry's certificate alone reads under the interior ministry's bases: none here
        Response interior = send(PKI.interior, "GET", readPath(), null, null);
        assertThat(interior.status()).as(interior.toString()).isEqualTo(403);
        assertThat(interior.json().get("code").asText()).isEqualTo("access.no-basis");
    }

    @Test
    void withNeitherTokenNorAcceptedCertificateTheReadIsUnauthorised() {
        assertRefused(send(PKI.anonymous, "GET", readPath(), null, null), 401, "valid bearer token");
        assertRefused(send(PKI.unlisted, "GET", readPath(), null, null), 401, "valid bearer token");
    }

    @Test
    void otherCallersNeedNoCertificate() {
        Response registrar = send(PKI.anonymous, "GET", "/api/v1/persons/" + CITIZEN,
                token(PKI.anonymous, "registrar-baghdad"), null);
        assertThat(registrar.status()).as(registrar.toString()).isEqualTo(200);
    }

    private Response read(Client client, String token) {
        return send(client, "GET", readPath(), token, null);
    }

    private String readPath() {
        return "/api/v1/ministry/persons?nationalNumber=" + nationalNumber + "&purpose=" + purpose;
    }

    private static void assertRefused(Response response, int status, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    private long accesses() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM access_history WHERE person_id = ?::uuid "
                + "AND subject <> 'kafka-feed'", Long.class,
                CITIZEN);
        return n == null ? 0 : n;
    }

    private String nationalNumberOf(UUID personId) {
        try {
            return persons.load(personId, "personId").nationalNumber();
        } catch (PersonNotFoundException e) {
            return null;
        }
    }

    private String token(Client client, String identity) {
        Response r = send(client, "POST", "/dev/token?as=" + identity, null, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    private Response send(Client client, String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(HttpResponse<String> raw) {
        static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

        int status() {
            return raw.statusCode();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }

    /** An HTTPS client trusting the server's CA, presenting {@code certificate} (or nothing) when asked. */
    record Client(HttpClient http, X509Certificate certificate) {
        String thumbprint() {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The test's public-key infrastructure, all EC P-256: a server CA and the server's certificate
     * for {@code localhost}; the registry's ministry-client CA and the ministries' certificates it
     * issued; and a rogue CA that issued a certificate with the health ministry's subject.
     */
    static final class Pki {
        final Path serverCertificate;
        final Path serverKey;
        final Path ministryCaCertificate;
        final Client anonymous;
        final Client health;
        final Client health2;
        final Client interior;
        final Client unlisted;
        final Client rogue;

        Pki() {
            try {
                Path dir = Files.createTempDirectory(DATA, "pki-");
                KeyPair serverCaKeys = keys();
                X509Certificate serverCa = certificate("CN=Sijil test server CA", serverCaKeys,
                        "CN=Sijil test server CA", serverCaKeys, true, null);
                KeyPair serverKeys = keys();
                X509Certificate server = certificate("CN=localhost", serverKeys, "CN=Sijil test server CA",
                        serverCaKeys, false, KeyPurposeId.id_kp_serverAuth);
                serverCertificate = write(dir.resolve("server.pem"), pem("CERTIFICATE", server.getEncoded()));
                serverKey = write(dir.resolve("server-key.pem"), pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()));

                String ministryCaName = "CN=Sijil ministry client CA,O=Civil Registry,C=IQ";
                KeyPair ministryCaKeys = keys();
                X509Certificate ministryCa = certificate(ministryCaName, ministryCaKeys, ministryCaName, ministryCaKeys,
                        true, null);
                ministryCaCertificate = write(dir.resolve("ministry-ca.pem"), pem("CERTIFICATE", ministryCa.getEncoded()));

                anonymous = client(serverCa, null, null);
                health = issued(HEALTH_DN, ministryCaName, ministryCaKeys, serverCa);
                health2 = issued(HEALTH_2_DN, ministryCaName, ministryCaKeys, serverCa);
                interior = issued(INTERIOR_DN, ministryCaName, ministryCaKeys, serverCa);
                unlisted = issued(UNLISTED_DN, ministryCaName, ministryCaKeys, serverCa);
                String rogueCaName = "CN=Not the registry,C=IQ";
                rogue = issued(HEALTH_DN, rogueCaName, keys(), serverCa);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static Client issued(String subject, String issuer, KeyPair issuerKeys, X509Certificate serverCa)
                throws Exception {
            KeyPair keys = keys();
            X509Certificate certificate = certificate(subject, keys, issuer, issuerKeys, false,
                    KeyPurposeId.id_kp_clientAuth);
            return client(serverCa, certificate, keys.getPrivate());
        }

        private static KeyPair keys() throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }

        private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer,
                                                   KeyPair issuerKeys, boolean ca, KeyPurposeId purpose)
                throws Exception {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name(issuer),
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), name(subject), subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
                if (purpose == KeyPurposeId.id_kp_serverAuth) {
                    builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                }
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        }

        /** The name DER-encoded as RFC 2253 reads it (the JDK's order, not Bouncy Castle's string order). */
        private static X500Name name(String rfc2253) {
            return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
        }

        private static Client client(X509Certificate serverCa, X509Certificate certificate, PrivateKey key)
                throws GeneralSecurityException, IOException {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("server-ca", serverCa);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            KeyManager[] keyManagers = certificate == null ? null
                    : new KeyManager[] {new OneCertificate(certificate, key)};
            tls.init(keyManagers, trust.getTrustManagers(), new SecureRandom());
            SSLParameters parameters = tls.getDefaultSSLParameters();
            return new Client(HttpClient.newBuilder().sslContext(tls).sslParameters(parameters)
                    .version(HttpClient.Version.HTTP_1_1).build(), certificate);
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }

        private static Path write(Path path, String content) throws IOException {
            return Files.writeString(path, content, StandardCharsets.US_ASCII);
        }
    }

    /**
     * Presents its one certificate whenever the server asks, whichever CAs the server names as
     * acceptable: the rogue certificate must reach the server to be refused there.
     */
    static final class OneCertificate extends X509ExtendedKeyManager {
        private static final AtomicLong ALIASES = new AtomicLong();
        private final String alias = "client-" + ALIASES.incrementAndGet();
        private final X509Certificate certificate;
        private final PrivateKey key;

        OneCertificate(X509Certificate certificate, PrivateKey key) {
            this.certificate = certificate;
            this.key = key;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return alias;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {certificate};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }

}
