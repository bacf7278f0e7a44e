/**
 * The Ministry of the Interior's view: each registered person's residence, whether they are alive,
 * and their national ID cards, from which a card status on any date follows.
 */
package org.sijil.query.view.interior;
