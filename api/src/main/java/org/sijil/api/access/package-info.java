/**
 * Every read of a person's data recorded before the data is returned (fail closed), the citizen's
 * access history built from those records, and the ministries' consent-checked person reads.
 */
package org.sijil.api.access;
