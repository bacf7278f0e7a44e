package org.sijil.query.log;

/**
 * Where an event sits in the log.
 *
 * @param eventId  the event's identifier
 * @param index    its leaf index
 * @param leafHash RFC 6962 leaf hash of its signed entry, 32 bytes
 */
public record LeafPosition(String eventId, long index, byte[] leafHash) {

    public LeafPosition {
        leafHash = leafHash.clone();
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
