/**
 * Erasure of a person's personal data: the data key is destroyed in the same transaction that
 * stores the erasure event, so either both happen or neither does.
 */
package org.sijil.api.erasure;
