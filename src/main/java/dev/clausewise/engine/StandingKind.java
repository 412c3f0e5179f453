package dev.clausewise.engine;

/** A standing statement's effect for one query once its conditions are settled. */
public enum StandingKind { DENY, CLEAR, OPEN, DEFEATED }
