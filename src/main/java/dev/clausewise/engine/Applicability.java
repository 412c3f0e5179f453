package dev.clausewise.engine;

/** A statement either applies to the query (covers it on every dimension) or refines it (narrower on some). */
public enum Applicability { APPLIES, REFINES }
