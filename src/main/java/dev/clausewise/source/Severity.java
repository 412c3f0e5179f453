package dev.clausewise.source;

public enum Severity { ERROR, WARNING }
