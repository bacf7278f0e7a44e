package org.sijil.core.api;

/** A rule of the register that a command can break, named by a stable code. */
public interface Rule {

    /** The stable code: it keys the localised message, so once published it keeps its meaning. */
    String code();

    /** One line of English saying what the code means, the reference for translators. */
    String meaning();
}
