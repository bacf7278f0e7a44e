package org.sijil.query.view.interior;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sijil.core.api.Place;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Interior's reads: a person's card status and residence, and card-status counts by residence. */
public class InteriorViewQueries {

    /**
     * The status of a person's most recently issued card on a date: {@code NONE} without a card,
     * {@code REVOKED} once revoked, {@code EXPIRED} after its expiry, else {@code VALID}. A card
     * issued after the date does not count yet.
     */
    private static final String CARD_STATUS = """
            coalesce((SELECT CASE WHEN c.revoked_on IS NOT NULL AND c.revoked_on <= ?::date THEN 'REVOKED'
                                  WHEN c.expires_on IS NOT NULL AND c.expires_on < ?::date THEN 'EXPIRED'
                                  ELSE 'VALID' END
                      FROM view_interior_card c WHERE c.person_id = p.person_id AND c.issued_on <= ?::date
                      ORDER BY c.issued_on DESC, c.card_number DESC LIMIT 1), 'NONE')
            """;

    private final JdbcTemplate jdbc;

    public InteriorViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A card as the Interior holds it. */
    public record Card(String cardNumber, LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn,
                       String revocationReason) {
    }

    /**
     * A person's card status on {@code on} and registered residence ({@code null} if none registered).
     */
    public record InteriorRecord(UUID personId, String nationalNumber, LocalDate on, String cardStatus,
                                 List<Card> cards, Place residence, LocalDate residenceSince, boolean alive,
                                 LocalDate dateOfDeath) {
        public InteriorRecord {
            cards = List.copyOf(cards);
        }
    }

    /** Living persons residing in one governorate and district whose card has one status on a date. */
    public record CardStatusCount(String governorate, String district, String cardStatus, long persons) {
    }

    /** The person with this national number, if the view holds them. */
    public Optional<InteriorRecord> person(String nationalNumber, LocalDate on) {
        return jdbc.query("SELECT p.person_id, p.national_number, " + CARD_STATUS + """
                        , p.governorate, p.district, p.locality, p.residence_since, p.alive, p.date_of_death
                        FROM view_interior_person p WHERE p.national_number = ?
                        """, (rs, i) -> new InteriorRecord(rs.getObject(1, UUID.class), rs.getString(2), on,
                        rs.getString(3), List.of(),
                        rs.getString(4) == null ? null : new Place(rs.getString(4), rs.getString(5), rs.getString(6)),
                        rs.getObject(7, LocalDate.class), rs.getBoolean(8), rs.getObject(9, LocalDate.class)),
                        on, on, on, nationalNumber).stream().findFirst()
                .map(r -> new InteriorRecord(r.personId(), r.nationalNumber(), on, r.cardStatus(), cards(r.personId()),
                        r.residence(), r.residenceSince(), r.alive(), r.dateOfDeath()));
    }

    /**
     * Living persons by residence (governorate and district; {@code unknown} where no residence is
     * registered) and card status on {@code on}, in {@code governorate} unless it is {@code null}.
     */
    public List<CardStatusCount> cardStatus(LocalDate on, String governorate) {
        return jdbc.query("SELECT coalesce(p.governorate, 'unknown'), coalesce(p.district, ''), " + CARD_STATUS
                        + """
                        , count(*) FROM view_interior_person p
                        WHERE p.alive AND (?::text IS NULL OR p.governorate = ?)
                        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        """, (rs, i) -> new CardStatusCount(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4)), on, on, on, governorate, governorate);
    }

    private List<Card> cards(UUID personId) {
        return jdbc.query("""
                SELECT card_number, issued_on, expires_on, revoked_on, revocation_reason FROM view_interior_card
                WHERE person_id = ? ORDER BY issued_on, card_number
                """, (rs, i) -> new Card(rs.getString(1), rs.getObject(2, LocalDate.class),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5)), personId);
    }
}
