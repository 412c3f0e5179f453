package dev.clausewise.query;

/** How a statement's keys on one dimension stand to the query's value (docs/semantics.md, step 2). */
public enum Relation { COVERS, NARROWER, DISJOINT }
