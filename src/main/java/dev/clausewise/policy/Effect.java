package dev.clausewise.policy;

/** What a statement says of the practice it covers. */
public enum Effect { ALLOW, DENY }
