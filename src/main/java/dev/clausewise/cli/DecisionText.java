package dev.clausewise.cli;

import dev.clausewise.explain.Decision;
import dev.clausewise.explain.TrailStep;

/** A decision as a terminal reader wants it: outcome first, then conditions, refinements and the trail with quotes. */
final class DecisionText {
    private DecisionText() {
    }

    static String render(Decision d) {
        StringBuilder b = new StringBuilder();
        b.append(d.outcome()).append("  (").append(d.policy().id()).append(' ').append(d.policy().version()).append(")\n");
        if (!d.reason().isEmpty()) {
            b.append("reason: ").append(String.join(", ", d.reason())).append('\n');
        }
        d.conditions().forEach(c -> b.append("condition: ").append(c.dimension() == null ? c.key() : c.text()).append("  [").append(c.statement()).append("]\n"));
        d.refinements().forEach(r -> b.append("refinement: ").append(r.text()).append("  [").append(r.statement()).append("]\n"));
        d.retention().forEach(r -> b.append("retention: ").append(r.key()).append(r.duration() == null ? "" : " " + r.duration()).append("  [").append(r.statement()).append("]\n"));
        for (TrailStep s : d.trail()) {
            b.append(String.format("%3d %-9s %-40s %s%n", s.step(), s.kind(), s.rule(), s.detail()));
            if (s.cite() != null && ("decide".equals(s.kind()) || "conflict".equals(s.kind()))) {
                b.append("              \"").append(s.cite().quote()).append("\"  (").append(s.cite().section()).append(")\n");
            }
        }
        return b.toString().stripTrailing();
    }
}
