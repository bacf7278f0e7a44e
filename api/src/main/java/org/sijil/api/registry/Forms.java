package org.sijil.api.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;

/** Request parts shared by several life-event requests. */
public final class Forms {

    private Forms() {
    }

    /** A lineage name in Arabic script; the mother's names may be absent only in legacy records. */
    public record ArabicName(
            @NotBlank @Size(max = 80) @Script(Script.Kind.ARABIC) String given,
            @NotBlank @Size(max = 80) @Script(Script.Kind.ARABIC) String father,
            @NotBlank @Size(max = 80) @Script(Script.Kind.ARABIC) String grandfather,
            @Size(max = 80) @Script(Script.Kind.ARABIC) String family,
            @NotBlank @Size(max = 80) @Script(Script.Kind.ARABIC) String motherGiven,
            @NotBlank @Size(max = 80) @Script(Script.Kind.ARABIC) String maternalGrandfather) {

        LineageName toLineage() {
            return new LineageName(trim(given), trim(father), trim(grandfather), trim(family), trim(motherGiven),
                    trim(maternalGrandfather));
        }
    }

    /** The Kurdish form of a lineage name, in Arabic (Sorani) or Latin (Kurmanji) letters. */
    public record KurdishName(
            @NotBlank @Size(max = 80) @Script(Script.Kind.KURDISH) String given,
            @NotBlank @Size(max = 80) @Script(Script.Kind.KURDISH) String father,
            @NotBlank @Size(max = 80) @Script(Script.Kind.KURDISH) String grandfather,
            @Size(max = 80) @Script(Script.Kind.KURDISH) String family,
            @Size(max = 80) @Script(Script.Kind.KURDISH) String motherGiven,
            @Size(max = 80) @Script(Script.Kind.KURDISH) String maternalGrandfather) {

        LineageName toLineage() {
            return new LineageName(trim(given), trim(father), trim(grandfather), trim(family), trim(motherGiven),
                    trim(maternalGrandfather));
        }
    }

    /** The Latin transliteration of a lineage name. */
    public record LatinName(
            @NotBlank @Size(max = 80) @Script(Script.Kind.LATIN) String given,
            @NotBlank @Size(max = 80) @Script(Script.Kind.LATIN) String father,
            @NotBlank @Size(max = 80) @Script(Script.Kind.LATIN) String grandfather,
            @Size(max = 80) @Script(Script.Kind.LATIN) String family,
            @Size(max = 80) @Script(Script.Kind.LATIN) String motherGiven,
            @Size(max = 80) @Script(Script.Kind.LATIN) String maternalGrandfather) {

        LineageName toLineage() {
            return new LineageName(trim(given), trim(father), trim(grandfather), trim(family), trim(motherGiven),
                    trim(maternalGrandfather));
        }
    }

    /** A full name: the Arabic form is required, the Kurdish and Latin forms optional. */
    public record Name(@NotNull @Valid ArabicName arabic, @Valid KurdishName kurdish, @Valid LatinName latin) {

        PersonName toPersonName() {
            return new PersonName(arabic.toLineage(), kurdish == null ? null : kurdish.toLineage(),
                    latin == null ? null : latin.toLineage());
        }
    }

    /** A place: a governorate code from the reference data, an optional district and locality. */
    public record PlaceForm(
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String governorate,
            @Pattern(regexp = "[A-Z0-9-]{2,20}") String district,
            @Size(max = 200) String locality) {

        Place toPlace() {
            return new Place(governorate, district, trim(locality));
        }
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
