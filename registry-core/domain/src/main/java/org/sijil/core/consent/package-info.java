/**
 * Consents, legal bases and access records: the aggregates that decide and record who may read a
 * person's data, and {@link org.sijil.core.consent.AccessPolicy}, which decides a ministry's read.
 * Their events carry ids, codes and categories only, never personal data.
 */
package org.sijil.core.consent;
