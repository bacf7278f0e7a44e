/**
 * The write side's contract: commands, events and value types as records. The read side and
 * the API depend on this package only, never on aggregates.
 */
package org.sijil.core.api;
