package dev.clausewise.catalog;

import dev.clausewise.compiler.CompiledDrl;
import dev.clausewise.engine.PolicyKnowledge;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Policy;

/** A policy version that passed every step and serves decisions. */
public record LoadedPolicy(Policy policy, CompiledDrl drl, PolicyKnowledge knowledge, PolicyRef ref, String document) {
}
