package dev.clausewise.policy;

/** The five answers, the headline of a decision, as clients switch on them (decision semantics step 5); the API schema `Outcome`. */
public enum Outcome { ALLOW, ALLOW_WITH_CONDITIONS, DENY, NOT_ADDRESSED, DEPENDS }
