/**
 * Read models built from the event stream by tracking processors: one projection per view, each
 * with its own tables, a reset handler and writes that a redelivered event leaves unchanged.
 */
package org.sijil.query.view;
