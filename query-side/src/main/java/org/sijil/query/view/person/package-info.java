/**
 * The person view: one JSON document per living-or-dead, not-erased person, folded from their own
 * event stream, plus the parent-child links and the normalised names that search uses.
 */
package org.sijil.query.view.person;
