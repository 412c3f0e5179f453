package dev.clausewise.query;

/** What the query's context says of one condition of a statement. */
public enum ConditionStatus { SATISFIED, DEFEATED, OPEN }
