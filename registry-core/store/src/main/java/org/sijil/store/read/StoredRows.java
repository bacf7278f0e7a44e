package org.sijil.store.read;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.sijil.crypto.entry.SignedEntry;

/**
 * Reads event rows exactly as stored. The signed entry is rebuilt field for field from the columns
 * the signing statement bound, so these bytes are the ones the signature covers.
 */
public final class StoredRows {

    private static final String[] COLUMNS = {"globalindex", "eventidentifier", "type", "aggregateidentifier",
        "sequencenumber", "payloadtype", "payloadrevision", "timestamp", "payload", "metadata", "signingkeyid",
        "signature"};

    /** The table of stored events, for readers that join it with tables of their own. */
    public static final String TABLE = "domainevententry";

    private StoredRows() {
    }

    /** The select list of a stored event, each column prefixed with {@code alias} (e.g. {@code "e."} or {@code ""}). */
    public static String columns(String alias) {
        return alias + String.join(", " + alias, COLUMNS);
    }

    /** The signed entry of the current row. */
    public static SignedEntry entry(ResultSet rs) throws SQLException {
        return new SignedEntry(
                rs.getString("eventidentifier"),
                rs.getString("type"),
                rs.getString("aggregateidentifier"),
                rs.getLong("sequencenumber"),
                rs.getString("payloadtype"),
                rs.getString("payloadrevision"),
                rs.getString("timestamp"),
                rs.getBytes("payload"),
                rs.getBytes("metadata"),
                rs.getString("signingkeyid"));
    }

    /** The current row as a stored event; usable as a {@code RowMapper}. */
    public static StoredEvent event(ResultSet rs, int rowNum) throws SQLException {
        return new StoredEvent(rs.getLong("globalindex"), entry(rs), rs.getBytes("signature"));
    }
}
