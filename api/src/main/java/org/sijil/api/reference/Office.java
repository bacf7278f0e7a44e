package org.sijil.api.reference;

/** A civil-status office, the unit a registrar or clerk is scoped to. */
public record Office(
        String code, String governorateCode, String districtCode, String nameAr, String nameCkb, String nameEn) {}
