/**
 * Text normalisation shared by what the views store and what searches ask for, so both sides of a
 * name comparison are folded the same way.
 */
package org.sijil.query.text;
