/** Access records: every read of a person's record, granted or denied, as an event. */
package org.sijil.core.api.access;
