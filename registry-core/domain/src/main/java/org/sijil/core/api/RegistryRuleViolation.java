package org.sijil.core.api;

/**
 * A command broke a rule of the register. {@code code} names the rule (it keys the localised
 * message) and {@code field} the request field at fault, where there is one.
 */
public class RegistryRuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    public RegistryRuleViolation(String code, String field, String message) {
        super(message);
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
