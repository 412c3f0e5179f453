package dev.clausewise.query;

public enum Consent { GRANTED, DENIED, UNKNOWN }
