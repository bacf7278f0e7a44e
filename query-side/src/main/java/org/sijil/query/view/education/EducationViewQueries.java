package org.sijil.query.view.education;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts of the education view. */
public class EducationViewQueries {

    private final JdbcTemplate jdbc;

    public EducationViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Children who turn {@value EducationViewProjection#SCHOOL_AGE} in {@code year}, living in one
     * governorate and district (registered residence, else place of birth; district {@code ""} when
     * not recorded), of one sex. Children who died before their sixth birthday are not counted.
     */
    public record SchoolEntrants(int year, String governorate, String district, String sex, long children) {
    }

    /** Every count for {@code year}, in {@code governorate} unless it is {@code null}. */
    public List<SchoolEntrants> schoolEntrants(int year, String governorate) {
        return jdbc.query("""
                SELECT school_year, governorate, district, sex, count(*) FROM (
                    SELECT school_year, sex,
                           coalesce(residence_governorate, birth_governorate) AS governorate,
                           coalesce(CASE WHEN residence_governorate IS NOT NULL THEN residence_district
                                         ELSE birth_district END, '') AS district
                    FROM view_education_child
                    WHERE school_year = ?
                      AND (date_of_death IS NULL
                           OR date_of_death >= date_of_birth + make_interval(years => ?))) c
                WHERE (?::text IS NULL OR governorate = ?)
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                """, (rs, i) -> new SchoolEntrants(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getLong(5)), year, EducationViewProjection.SCHOOL_AGE, governorate, governorate);
    }
}
