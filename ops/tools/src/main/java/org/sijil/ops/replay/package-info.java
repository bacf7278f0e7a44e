/**
 * The operators' replay command: asks the application, as an authenticated administrator, to
 * rebuild one view, then follows its progress until it has caught up.
 */
package org.sijil.ops.replay;
