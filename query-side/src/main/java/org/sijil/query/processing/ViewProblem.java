package org.sijil.query.processing;

/**
 * A view cannot answer: it is unknown, or it has not caught up with the position asked for. The
 * application turns it into the API's problem (404 or 503) with the code and the request field.
 */
public final class ViewProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, with its stable code and the request field it concerns. */
    public enum Kind {
        UNKNOWN_VIEW("projection.unknown", "name"),
        BEHIND("view.behind", "minPosition");

        private final String code;
        private final String field;

        Kind(String code, String field) {
            this.code = code;
            this.field = field;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }

    private final Kind kind;
    private final transient Object[] args;

    ViewProblem(Kind kind, Object... args) {
        super(kind.code() + " (" + kind.field() + ")");
        this.kind = kind;
        this.args = args.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** The message's arguments: the view, and for {@link Kind#BEHIND} the position asked for. */
    public Object[] args() {
        return args.clone();
    }
}
