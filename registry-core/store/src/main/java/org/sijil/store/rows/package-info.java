/**
 * Event rows as stored: the one mapping from a {@code domainevententry} row to the signed entry
 * its signature covers, shared by every reader of stored rows (the signed history, the
 * transparency log, the Kafka feed).
 */
package org.sijil.store.rows;
