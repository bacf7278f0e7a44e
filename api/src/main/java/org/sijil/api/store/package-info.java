/**
 * JDBC implementations of the write side's set-based indexes and key store, and the reader of
 * stored (signed) event rows. They run in the caller's transaction.
 */
package org.sijil.api.store;
