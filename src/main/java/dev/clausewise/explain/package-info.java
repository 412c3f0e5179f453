/** Explanations: the Decision value, its trail steps with cites, conditions and refinements. */
package dev.clausewise.explain;
