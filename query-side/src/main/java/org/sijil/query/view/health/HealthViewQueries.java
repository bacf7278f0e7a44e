package org.sijil.query.view.health;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts of the health view, by day, governorate and sex (and ICD-10 cause for deaths). */
public class HealthViewQueries {

    private final JdbcTemplate jdbc;

    public HealthViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Births on one day in one governorate of one sex. */
    public record BirthCount(LocalDate date, String governorate, String sex, long births) {
    }

    /** Deaths on one day in one governorate of one sex from one certified cause ({@code null}: not certified). */
    public record DeathCount(LocalDate date, String governorate, String sex, String causeOfDeath, long deaths) {
    }

    /** Births dated in [{@code from}, {@code to}], in {@code governorate} unless it is {@code null}. */
    public List<BirthCount> births(LocalDate from, LocalDate to, String governorate) {
        return jdbc.query("""
                SELECT date_of_birth, governorate, sex, count(*) FROM view_health_birth
                WHERE date_of_birth BETWEEN ? AND ? AND (?::text IS NULL OR governorate = ?)
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """, (rs, i) -> new BirthCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                rs.getLong(4)), from, to, governorate, governorate);
    }

    /** Deaths dated in [{@code from}, {@code to}], in {@code governorate} unless it is {@code null}. */
    public List<DeathCount> deaths(LocalDate from, LocalDate to, String governorate) {
        return jdbc.query("""
                SELECT date_of_death, governorate, sex, cause_of_death, count(*) FROM view_health_death
                WHERE date_of_death BETWEEN ? AND ? AND (?::text IS NULL OR governorate = ?)
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """, (rs, i) -> new DeathCount(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5)), from, to, governorate, governorate);
    }
}
