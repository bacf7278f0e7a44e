/** The Ministry of Health's view: births and deaths by date, governorate and sex, with ICD-10 causes of death. */
package org.sijil.query.view.health;
