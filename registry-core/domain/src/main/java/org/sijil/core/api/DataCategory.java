package org.sijil.core.api;

/**
 * The categories of a person's data that a consent or a legal basis can open to a ministry. Each
 * names a group of fields of the person's record, never a single value.
 */
public enum DataCategory {
    /** National number, name, sex, date and place of birth. */
    IDENTITY,
    /** Whether the person is alive, the date of death, and whether they are married. */
    CIVIL_STATUS,
    /** Parents and spouses, by person id. */
    FAMILY,
    /** The place of residence. */
    RESIDENCE,
    /** National ID cards: numbers, dates, status. */
    ID_CARD
}
