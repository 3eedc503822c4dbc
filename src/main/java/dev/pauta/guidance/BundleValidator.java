package dev.pauta.guidance;

import dev.pauta.manual.Bundle;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything that must hold before a bundle may be served: it compiles, every locale × intent × channel gets a
 * cited action without a rule looping, and (for a full check) every scenario passes. The one check shared by
 * publishing, the API's validate and the command line. Thread-safe.
 */
public final class BundleValidator {

    /** The outcome; {@code snapshot} is null when the bundle did not compile. */
    public record Result(Snapshot snapshot, List<Problem> problems, long scenariosPassed, long scenariosFailed, Set<String> rulesNeverFired) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final SnapshotCompiler compiler;
    private final ScenarioReader scenarioReader = new ScenarioReader();
    private final ScenarioRunner scenarios = new ScenarioRunner();

    public BundleValidator(SnapshotCompiler compiler) {
        this.compiler = compiler;
    }

    public Result validate(Bundle bundle, Release release, boolean withScenarios) {
        Snapshot snapshot;
        try {
            snapshot = compiler.compile(bundle, release);
        } catch (InvalidBundleException e) {
            return new Result(null, e.problems(), 0, 0, Set.of());
        }
        List<Problem> problems = new ArrayList<>(Probe.run(snapshot));
        if (!withScenarios) {
            return new Result(snapshot, problems, 0, 0, Set.of());
        }
        ScenarioRunner.Parsed parsed = scenarioReader.read(bundle);
        ScenarioRunner.Report report = scenarios.run(snapshot, parsed.scenarios());
        problems.addAll(parsed.problems());
        problems.addAll(report.problems());
        return new Result(snapshot, problems, report.passed(), report.failed(), report.rulesNeverFired());
    }
}
