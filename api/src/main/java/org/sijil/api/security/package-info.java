/**
 * Authentication and the coarse authorisation rules: the application is an OAuth2
 * resource server accepting JWT bearer tokens whose claims become a {@link
 * org.sijil.api.security.Caller}; controllers add role and scope checks with method
 * security. For local runs a development issuer, off by default, mints tokens for seeded
 * demo identities.
 */
package org.sijil.api.security;
