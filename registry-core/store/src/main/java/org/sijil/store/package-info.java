/**
 * How events are stored: each row is signed over its exact stored bytes as it is inserted, and
 * personal fields are encrypted with the person's own data key before they reach the row.
 */
package org.sijil.store;
