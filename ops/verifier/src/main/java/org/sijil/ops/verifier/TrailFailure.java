package org.sijil.ops.verifier;

/**
 * The first thing in the trail that failed a check, named by its leaf and event.
 * {@link #line()} is the exact line the verifier prints: {@code FAIL leaf <index> event <eventId>:
 * <what failed>}, with {@code -} for a leaf index or event id that does not exist (an event row
 * that is in no leaf, a checkpoint beyond the last leaf).
 */
final class TrailFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final long leafIndex;
    private final String eventId;
    private final String what;

    /**
     * @param leafIndex the leaf, or -1 if none
     * @param eventId   the event id, or null if none is known
     * @param what      what failed, in a few words
     */
    TrailFailure(long leafIndex, String eventId, String what) {
        super(format(leafIndex, eventId, what));
        this.leafIndex = leafIndex;
        this.eventId = eventId;
        this.what = what;
    }

    long leafIndex() {
        return leafIndex;
    }

    String eventId() {
        return eventId;
    }

    String what() {
        return what;
    }

    String line() {
        return getMessage();
    }

    private static String format(long leafIndex, String eventId, String what) {
        return "FAIL leaf " + (leafIndex < 0 ? "-" : Long.toString(leafIndex))
                + " event " + (eventId == null ? "-" : eventId) + ": " + what;
    }
}
