package dev.clausewise.engine;

public enum OverrideKind { EXPLICIT, SPECIFICITY }
