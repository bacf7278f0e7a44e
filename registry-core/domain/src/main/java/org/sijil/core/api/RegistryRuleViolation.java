package org.sijil.core.api;

/**
 * A command broke a rule of the register. {@code rule} names it (its code keys the localised
 * message) and {@code field} the request field at fault, where there is one.
 */
public class RegistryRuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Rule rule;
    private final String field;

    public RegistryRuleViolation(Rule rule, String field, String message) {
        super(message);
        this.rule = java.util.Objects.requireNonNull(rule, "rule");
        this.field = field;
    }

    public Rule rule() {
        return rule;
    }

    /** The rule's stable code. */
    public String code() {
        return rule.code();
    }

    public String field() {
        return field;
    }
}
