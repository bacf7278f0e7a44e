/**
 * Citizens' consents and administrators' legal bases: their endpoints, their read model (kept in
 * the transaction that stores their events), and the decision a ministry's read is subject to.
 */
package org.sijil.api.consent;
