package dev.clausewise.api;

import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.explain.CiteView;
import dev.clausewise.explain.PolicyRef;
import dev.clausewise.policy.Statement;
import dev.clausewise.vocabulary.Dimension;
import dev.clausewise.vocabulary.KeyTree;
import dev.clausewise.vocabulary.Vocabulary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The read-only views of the served policies and the vocabulary: the policy list and details, scenario files, keys and aliases. */
final class PolicyBodies {
    private PolicyBodies() {
    }

    @Serdeable
    @Schema(name = "PolicyList")
    record PolicyList(List<PolicySummary> policies) {
    }

    @Serdeable
    @Schema(name = "PolicySummary")
    record PolicySummary(String id, String title, @Nullable @Schema(nullable = true) String document, @Nullable @Schema(nullable = true) String effective, PolicyRef version,
                         int statements) {
        static PolicySummary of(LoadedPolicy p) {
            return new PolicySummary(p.policy().id(), p.policy().title(), p.policy().source().document(), p.policy().source().effective(),
                    p.ref(), p.policy().statements().size());
        }
    }

    @Serdeable
    @Schema(name = "PolicyDetails", description = "A policy and its normalized statements.")
    record PolicyDetails(PolicySummary policy, List<StatementView> statements) {
        static PolicyDetails of(LoadedPolicy p) {
            return new PolicyDetails(PolicySummary.of(p), p.policy().statements().stream().map(StatementView::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "Statement", description = "A normalized statement: scope per dimension (a missing dimension means any), effect, cite and source location.")
    record StatementView(String id, @Nullable @Schema(nullable = true) String description, Map<String, List<String>> scope,
                         @Schema(allowableValues = {"allow", "deny"}) String effect, List<String> conditions,
                         @Nullable RetentionView retention, List<String> overrides,
                         @Nullable CiteView cite,
                         @Schema(description = "file:line:column") String location) {
        static StatementView of(Statement s) {
            Map<String, List<String>> scope = new LinkedHashMap<>();
            s.scope().forEach((d, keys) -> scope.put(d.key(), keys));
            return new StatementView(s.id(), s.description(), scope, s.effect().name().toLowerCase(Locale.ROOT), s.conditions(),
                    s.retention() == null ? null : new RetentionView(s.retention().key(), s.retention().duration()), s.overrides(),
                    s.cite() == null ? null : new CiteView(s.cite().document(), s.cite().section(), s.cite().quote()), s.location().toString());
        }
    }

    @Serdeable
    @Schema(name = "Retention")
    record RetentionView(String key, @Nullable @Schema(nullable = true) String duration) {
    }

    @Serdeable
    @Schema(name = "ScenarioFiles", description = "A policy's scenario files, each as POST /v1/scenarios/run takes it.")
    record ScenarioFiles(String policy, List<ScenarioFile> files) {
    }

    @Serdeable
    @Schema(name = "ScenarioFile")
    record ScenarioFile(String file, String yaml) {
    }

    @Serdeable
    @Schema(name = "Vocabulary", description = "Every key (with its description) and alias (with the keys it names) per dimension; regions by group name.")
    record VocabularyView(Tree practice, Tree data, Tree recipient, Tree purpose, Tree subject, Tree condition, Tree retention, Regions region) {
        static VocabularyView of(Vocabulary v) {
            return new VocabularyView(Tree.of(v, Dimension.PRACTICE), Tree.of(v, Dimension.DATA), Tree.of(v, Dimension.RECIPIENT),
                    Tree.of(v, Dimension.PURPOSE), Tree.of(v, Dimension.SUBJECT), Tree.of(v, Dimension.CONDITION), Tree.of(v, Dimension.RETENTION),
                    new Regions(new TreeMap<>(v.regions().names()),
                            "every ISO 3166-1 alpha-2 code and ISO 3166-2 subdivision; FR is in EU, EEA, EUROPE and ANY"));
        }
    }

    @Serdeable
    @Schema(name = "VocabularyTree")
    record Tree(Map<String, String> keys, Map<String, List<String>> aliases) {
        static Tree of(Vocabulary v, Dimension d) {
            KeyTree tree = v.tree(d);
            return new Tree(new TreeMap<>(tree.keys()), new TreeMap<>(tree.aliases()));
        }
    }

    @Serdeable
    @Schema(name = "VocabularyRegions")
    record Regions(Map<String, String> groups, String note) {
    }
}
