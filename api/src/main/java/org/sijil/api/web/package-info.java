/**
 * Cross-cutting web concerns: RFC 7807 problem responses with field-level reasons in Arabic,
 * Kurdish or English, the text rules on every request's text, request size limits and ETag handling.
 */
package org.sijil.api.web;
