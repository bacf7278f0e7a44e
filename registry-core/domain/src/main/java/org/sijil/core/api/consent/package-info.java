/** Consents and legal bases: their commands and events, and {@link org.sijil.core.api.consent.ConsentRule} (also the reasons a read is denied). */
package org.sijil.core.api.consent;
