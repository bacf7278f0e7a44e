/**
 * The Kafka feeds' wiring: settings, the embedded single-node KRaft broker of the embedded default,
 * topic creation, the publisher's tracking processor, and the feed keys that seal ministry messages
 * with the endpoint through which each ministry fetches its own.
 */
package org.sijil.api.feed;
