package org.sijil.store;

import java.util.Optional;
import java.util.UUID;
import org.sijil.core.person.MarriageIndex;
import org.sijil.core.person.Spouses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which two persons a marriage joins, written in the same transaction as the marriage events. */
@Component
class JdbcMarriageIndex implements MarriageIndex {

    private final JdbcTemplate jdbc;

    JdbcMarriageIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID marriageId, UUID husbandId, UUID wifeId) {
        jdbc.update("INSERT INTO marriage_index (marriage_id, husband_id, wife_id) VALUES (?, ?, ?)",
                marriageId, husbandId, wifeId);
    }

    @Override
    public Optional<Spouses> find(UUID marriageId) {
        return jdbc.query("SELECT husband_id, wife_id FROM marriage_index WHERE marriage_id = ?",
                (rs, n) -> new Spouses(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), marriageId)
                .stream().findFirst();
    }
}
