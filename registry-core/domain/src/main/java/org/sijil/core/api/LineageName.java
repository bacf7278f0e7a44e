package org.sijil.core.api;

/**
 * The Iraqi lineage name in one script: given name, father's name, paternal grandfather's name,
 * optional family or tribal name (laqab), mother's given name and maternal grandfather's name.
 * The mother's names are required on birth registration and may be absent for legacy records.
 */
public record LineageName(
        String given,
        String father,
        String grandfather,
        String family,
        String motherGiven,
        String maternalGrandfather) {
}
