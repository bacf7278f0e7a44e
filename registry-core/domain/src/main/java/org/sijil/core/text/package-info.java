/**
 * The characters a civil record may hold: one rule set ({@link org.sijil.core.text.CivilText}) that
 * the web layer applies to every request and the event store to every event it stores.
 */
package org.sijil.core.text;
