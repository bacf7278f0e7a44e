package org.sijil.core.api;

/** Sex as recorded at birth registration (or changed by court order). */
public enum Sex { MALE, FEMALE }
