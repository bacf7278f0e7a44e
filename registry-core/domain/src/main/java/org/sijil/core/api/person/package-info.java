/** Persons' records: the commands that record life events and ID cards, their events, and {@link org.sijil.core.api.person.PersonRule}. */
package org.sijil.core.api.person;
