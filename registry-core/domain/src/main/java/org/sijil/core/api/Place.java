package org.sijil.core.api;

/**
 * A place within Iraq's reference geography: a governorate code (e.g. {@code BGD}), an optional
 * district code and an optional free-text locality (village, hospital, street and house).
 */
public record Place(String governorate, String district, String locality) {
}
