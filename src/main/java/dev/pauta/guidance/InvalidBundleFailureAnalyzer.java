package dev.pauta.guidance;

import dev.pauta.manual.InvalidBundleException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid bundle at start-up into one screen of {@code path:line: message (hint)} lines instead of a stack trace. */
public class InvalidBundleFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBundleException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidBundleException cause) {
        String lines = cause.problems().stream().limit(40).map(p -> "  " + p.describe()).collect(Collectors.joining("\n"));
        if (cause.problems().size() > 40) {
            lines += "\n  … and " + (cause.problems().size() - 40) + " more";
        }
        return new FailureAnalysis("The manual and rules bundle is not valid, so Pauta will not serve it. "
                + cause.problems().size() + " problem(s):\n" + lines,
                "Fix the files named above (or run 'java -jar target/pauta.jar validate <folder>' to check them), then start again.", cause);
    }

}
