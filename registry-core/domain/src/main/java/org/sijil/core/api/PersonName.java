package org.sijil.core.api;

/**
 * A person's name: the Arabic-script lineage name is authoritative; Kurdish (where used) and a
 * Latin transliteration are optional.
 */
public record PersonName(LineageName arabic, LineageName kurdish, LineageName latin) {
}
