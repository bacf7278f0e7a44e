/**
 * The person aggregate: one event stream per registered person, from birth registration to
 * erasure, with the rules of the civil register checked before any event is applied. Births and
 * marriages, which need more than one person's record, have their own command handlers here.
 *
 * <p>Every rule broken throws a {@link org.sijil.core.api.RegistryRuleViolation} whose code is one
 * of {@link org.sijil.core.api.person.PersonRule} and whose field is the name of the command component at
 * fault. Dates are checked against the registration date, the day of the command's
 * {@code recordedAt} in Asia/Baghdad; nothing here reads a clock.
 */
package org.sijil.core.person;
