/**
 * The pages the application serves to people in a browser: sign-in, the registry officer's search,
 * person page and life-event forms, and the citizen's record, consents and access history. They call
 * the same beans as the REST controllers, under a session of their own with CSRF protection.
 */
package org.sijil.api.pages;
