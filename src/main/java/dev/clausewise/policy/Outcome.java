package dev.clausewise.policy;

/** The answer's headline (DESIGN.md, decision semantics step 5). */
public enum Outcome { ALLOW, ALLOW_WITH_CONDITIONS, DENY, NOT_ADDRESSED, DEPENDS }
