/**
 * The write side's contract, split by feature ({@code .person}, {@code .consent}, {@code .access}):
 * commands, events and value types as records, and the rules a command can break. This package
 * holds what the features share: names, places, data categories, the rule violation, and the names
 * events are stored under ({@link org.sijil.core.api.EventTypes}). The read side and the API depend
 * on the contract only, never on aggregates.
 */
package org.sijil.core.api;
