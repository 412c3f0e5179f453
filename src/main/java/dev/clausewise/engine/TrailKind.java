package dev.clausewise.engine;

/** The steps of an explanation, in the order the pipeline takes them. */
public enum TrailKind { NORMALIZE, MATCH, OVERRIDE, CONFLICT, CONDITION, DECIDE }
