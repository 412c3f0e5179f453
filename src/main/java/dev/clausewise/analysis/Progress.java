package dev.clausewise.analysis;

/** Told how far a long analysis has come: {@code done} of {@code total} question classes. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(long done, long total);

    /** A point inside a step that is not counted (building the question space, merging the changes): may stop the analysis by throwing. */
    default void step() {
    }
}
