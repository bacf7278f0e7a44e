/**
 * The Ministry of Planning's vital statistics: births, deaths, marriages and divorces per governorate
 * and month, by sex and five-year age group, with registration timeliness in the UN sense.
 */
package org.sijil.query.view.planning;
