package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.TestBundles;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every scenario in rules/tests/*.yaml against the shipped bundle, and reports the rules none of them fired. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioTest {

    private Snapshot snapshot;
    private ScenarioRunner.Parsed parsed;
    private final ScenarioRunner runner = new ScenarioRunner();

    @BeforeAll
    void compile() {
        Bundle bundle = Bundle.fromFolder(TestBundles.shipped());
        snapshot = new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, "test", "scenarios"));
        parsed = new ScenarioReader().read(bundle);
    }

    Stream<Arguments> scenarios() {
        return parsed.scenarios().stream().map(s -> Arguments.of(s.file().replace("rules/tests/", "") + ": " + s.name(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHolds(String name, Scenario scenario) {
        Scenario.Result result = runner.run(snapshot, List.of(scenario)).results().get(0);

        assertThat(result.failures()).as(name).isEmpty();
    }

    @Test
    void everyScenarioFileIsReadable() {
        assertThat(parsed.problems()).extracting(Problem::describe).isEmpty();
        assertThat(parsed.scenarios()).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void everyRuleIsFiredByAtLeastOneScenario() {
        ScenarioRunner.Report report = runner.run(snapshot, parsed.scenarios());
        System.out.println("Scenarios: " + report.passed() + " passed, " + report.failed() + " failed; rules no scenario fired: "
                + (report.rulesNeverFired().isEmpty() ? "none" : report.rulesNeverFired()));

        assertThat(report.rulesNeverFired()).isEmpty();
    }

}
