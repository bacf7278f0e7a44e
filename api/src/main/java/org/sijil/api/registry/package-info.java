/**
 * The registrar's REST API for life events: each request is validated, checked against the
 * registrar's jurisdiction and sent as a command; the response carries the new version as an ETag.
 */
package org.sijil.api.registry;
