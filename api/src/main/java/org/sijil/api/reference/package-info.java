/**
 * Reference geography (governorates, districts, civil-status offices) with effective dates,
 * read from the tables created by {@code V2__reference_data.sql}. Other features ask
 * {@link org.sijil.api.reference.ReferenceData} whether a place existed on a given date;
 * the public endpoints under {@code /api/v1/reference} list the same data in Arabic,
 * Central Kurdish and English.
 */
package org.sijil.api.reference;
