/**
 * Event rows as stored: the one mapping from a {@code domainevententry} row to the signed entry
 * its signature covers, shared by every reader of stored rows (the signed history, the
 * transparency log, the Kafka feed); and the access listing the read side keeps with the access
 * events. What the store publishes for readers; the rest of the store is its own.
 */
package org.sijil.store.read;
