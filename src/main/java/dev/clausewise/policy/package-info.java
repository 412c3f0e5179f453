/** The policy model (Policy, Statement, Cite) and its YAML loader. */
package dev.clausewise.policy;
