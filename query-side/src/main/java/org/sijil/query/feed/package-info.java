/**
 * The Kafka feeds: a tracking processor publishes every committed event to a notification topic
 * without personal data, and to one topic per ministry the fields its legal bases entitle it to,
 * sealed under a key of that ministry's for the person, which the person's erasure destroys.
 */
package org.sijil.query.feed;
