/**
 * Consent-checked, access-logged ministry reads against the same read without check and log, over
 * real HTTP under an open-loop schedule; the baseline's endpoints exist only in the benchmark's context.
 */
package org.sijil.ops.bench.access;
