package org.sijil.query.log;

/**
 * One leaf as served to auditors.
 *
 * @param index   0-based position in the log
 * @param eventId the event the leaf stands for
 * @param leaf    the canonical signed-entry bytes, rebuilt from the event's stored row
 */
public record LogLeaf(long index, String eventId, byte[] leaf) {

    public LogLeaf {
        leaf = leaf.clone();
    }

    @Override
    public byte[] leaf() {
        return leaf.clone();
    }
}
