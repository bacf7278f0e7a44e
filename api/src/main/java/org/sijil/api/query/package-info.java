/**
 * The query side over HTTP: the person view, name and national-number search, as-of records, the
 * ministries' views and the operators' controls (replay, dead letters). Every read of a person's
 * data passes the {@link org.sijil.api.query.PersonReadGate} before anything is returned.
 */
package org.sijil.api.query;
