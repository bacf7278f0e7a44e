/**
 * National numbers: twelve digits whose last digit is a Damm check digit. This package checks
 * and allocates them; uniqueness is a set-based rule enforced by the write side's person index.
 */
package org.sijil.core.nationalnumber;
