/**
 * The Ministry of Education's view: children reaching school age (six) by district and year, so
 * schools can be planned before the children arrive.
 */
package org.sijil.query.view.education;
