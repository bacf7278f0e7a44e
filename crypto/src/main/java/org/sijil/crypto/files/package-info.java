/**
 * Files that hold secrets: created owner-only from the first byte, published atomically, never
 * replacing an existing file. Used for signing keys, the master key and the checkpoint note key.
 */
package org.sijil.crypto.files;
