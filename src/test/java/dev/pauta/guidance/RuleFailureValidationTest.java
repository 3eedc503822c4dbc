package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.TestBundles;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import dev.pauta.rules.RuleSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFailureValidationTest {

    @TempDir
    Path folder;

    @Test
    void aRuleThatFailsAtRunTimeIsAProblemAtItsFileAndLineAndNoMessageCarriesTheJavaError() {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/divide.drl", """
                package pauta.divide;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;

                rule "Apology per minute waited"
                    @section("long-wait")
                when
                    Interaction($minutes : waitMinutes)
                then
                    outcome.propose(kcontext, "SAY", "WAIT_APOLOGY", 1).param("perMinute", 100 / $minutes);
                end
                """);
        Bundle bundle = Bundle.fromFolder(folder);
        BundleValidator validator = new BundleValidator(new SnapshotCompiler(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET));

        BundleValidator.Result result = validator.validate(bundle, new Release(0, bundle.hash(), null, null, null), true);

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).filteredOn(p -> p.path().equals("rules/divide.drl")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("rule 'Apology per minute waited' divided by zero");
            assertThat(p.hint()).contains("zero");
        });
        assertThat(result.scenariosFailed()).isPositive();
        assertThat(result.problems()).extracting(Problem::message)
                .anyMatch(m -> m.contains("no decision: rule 'Apology per minute waited' divided by zero"))
                .noneMatch(m -> m.contains("Exception") || m.matches("(?s).*\\b[a-z]+\\.[a-z]+\\.[A-Z].*"));
    }
}
