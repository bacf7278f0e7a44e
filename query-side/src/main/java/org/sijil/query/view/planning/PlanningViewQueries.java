package org.sijil.query.view.planning;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Vital statistics of the planning view. */
public class PlanningViewQueries {

    private final JdbcTemplate jdbc;

    public PlanningViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Events of one kind in one governorate and month, of one sex and age group, registered with one
     * timeliness; {@code averageDelayDays} is the mean days from event to registration.
     */
    public record VitalCount(String governorate, String month, String event, String sex, String ageGroup,
                             String timeliness, long count, double averageDelayDays) {
    }

    /** Every count for events dated in {@code year}, in {@code governorate} unless it is {@code null}. */
    public List<VitalCount> vitalStatistics(int year, String governorate) {
        return jdbc.query("""
                SELECT governorate, to_char(month, 'YYYY-MM'), kind, sex, age_group, timeliness, count(*),
                       avg(delay_days)
                FROM view_planning_fact
                WHERE month >= ? AND month < ? AND (?::text IS NULL OR governorate = ?)
                GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
                """, (rs, i) -> new VitalCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getDouble(8)),
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), governorate, governorate);
    }
}
