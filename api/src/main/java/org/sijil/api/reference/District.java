package org.sijil.api.reference;

import java.time.LocalDate;

/**
 * A district (qadha) of a governorate and the period in which it is in effect.
 *
 * @param validTo first day on which the district no longer exists, or {@code null}
 */
public record District(
        String code,
        String governorateCode,
        String nameAr,
        String nameCkb,
        String nameEn,
        LocalDate validFrom,
        LocalDate validTo) {}
