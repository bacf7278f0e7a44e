/**
 * The Kafka feeds' wiring: settings, the embedded single-node KRaft broker of the embedded default,
 * topic creation, and the publisher's tracking processor.
 */
package org.sijil.api.feed;
