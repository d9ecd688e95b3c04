package org.reprogram.workbench.core.param;

import java.util.List;

/** Thrown where a value cannot be used; carries the structured {@link Problem}s for the front end to word. */
public final class ProblemException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ProblemException(Problem problem) {
        this(List.of(problem));
    }

    public ProblemException(List<Problem> problems) {
        super(problems.isEmpty() ? "no problem" : problems.get(0).text(problems.get(0).parameterId()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
