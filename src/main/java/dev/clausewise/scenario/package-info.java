/** Regression suites: scenario YAML, the runner, expected-vs-actual diffs and statement coverage. */
package dev.clausewise.scenario;
