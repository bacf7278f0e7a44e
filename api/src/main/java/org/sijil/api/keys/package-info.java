/** Publication of the public keys that sign stored events, current and retired. */
package org.sijil.api.keys;
