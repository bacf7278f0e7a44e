/**
 * The Kafka feed's relay from the event store to its topic, against Kafka's own producer benchmark on
 * the same broker.
 */
package org.sijil.ops.bench.feed;
