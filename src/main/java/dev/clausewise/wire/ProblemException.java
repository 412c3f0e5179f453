package dev.clausewise.wire;

/** A request refused with a problem; the API answers it with the problem's status, never as a stack trace. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
