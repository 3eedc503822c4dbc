package dev.pauta.manual;

import java.util.List;

/** Thrown when a bundle cannot become a snapshot; carries every problem found, not just the first. */
public class InvalidBundleException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidBundleException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        StringBuilder text = new StringBuilder(problems.size() + " problem(s) in the bundle:");
        problems.stream().limit(50).forEach(p -> text.append("\n  ").append(p.describe()));
        if (problems.size() > 50) {
            text.append("\n  … and ").append(problems.size() - 50).append(" more");
        }
        return text.toString();
    }
}
