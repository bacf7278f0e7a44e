package org.sijil.api.reference;

import java.time.LocalDate;

/**
 * A governorate (muhafadha) and the period in which it is in effect.
 *
 * @param validTo first day on which the governorate no longer exists, or {@code null}
 */
public record Governorate(
        String code, String nameAr, String nameCkb, String nameEn, LocalDate validFrom, LocalDate validTo) {}
