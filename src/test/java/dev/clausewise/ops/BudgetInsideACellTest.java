package dev.clausewise.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clausewise.analysis.PolicyDiff;
import dev.clausewise.analysis.Progress;
import dev.clausewise.catalog.LoadedPolicy;
import dev.clausewise.catalog.PolicyBuild;
import dev.clausewise.catalog.PolicyBuilder;
import dev.clausewise.catalog.PolicyCatalog;
import dev.clausewise.source.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The analysis budget (time, client gone) is checked inside the exploration of each question class, not only
 * between classes: one class of a large policy takes seconds on a loaded machine (up to 7 s per class measured in
 * a mixpanel/pulumi diff at load 20), so a budget spent as the classes start must stop them before any ends.
 */
class BudgetInsideACellTest {
    /** What a spent budget throws (the service's is a ProblemException naming the budget; the point here is where it is thrown). */
    public static final class Spent extends RuntimeException {
        public Spent() {
            super("budget spent");
        }
    }

    static LoadedPolicy build(PolicyBuilder builder, String id) throws Exception {
        Path dir = Path.of("policies-yaml", id);
        PolicyBuild b = builder.build(null, dir + "/policy.yaml", Files.readString(dir.resolve("policy.yaml")), Files.readString(dir.resolve("source.txt")));
        assertTrue(b.ok(), b.diagnostics().toString());
        return b.policy().orElseThrow();
    }

    @Test
    void aBudgetSpentAsTheClassesStartStopsTheDiffBeforeAnyClassEnds() throws Exception {
        PolicyBuilder builder = PolicyCatalog.builder(Path.of("policies-yaml"), new Diagnostics()).orElseThrow();
        LoadedPolicy a = build(builder, "mixpanel");
        LoadedPolicy b = build(builder, "pulumi");
        AtomicBoolean spent = new AtomicBoolean();
        AtomicLong classesEndedAfter = new AtomicLong();
        AtomicLong checksAfter = new AtomicLong();
        Progress budget = new Progress() {
            @Override
            public void update(long done, long total) {
                if (spent.get()) {
                    classesEndedAfter.incrementAndGet();
                    throw new Spent();
                }
                // update(0, n) comes once the question space is built, just before its classes are explored.
                spent.set(done == 0);
            }

            @Override
            public void step() {
                if (spent.get()) {
                    checksAfter.incrementAndGet();
                    throw new Spent();
                }
            }
        };
        long start = System.nanoTime();
        assertThrows(Spent.class, () -> PolicyDiff.diff(a, b, builder.vocabulary(), budget));
        assertTrue(spent.get(), "the diff reached its classes");
        assertEquals(0, classesEndedAfter.get(), "question classes were explored to their end after the budget was spent");
        assertTrue(checksAfter.get() > 0);
        System.out.printf("diff stopped inside its first classes, %d ms after its start%n", (System.nanoTime() - start) / 1_000_000);
    }
}
