package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pauta.PautaApplication;
import dev.pauta.TestBundles;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StartupFailureTest {

    @TempDir
    Path folder;

    private Throwable start(Path bundle) {
        return catchThrowable(() -> new SpringApplicationBuilder(PautaApplication.class)
                .run("--pauta.bundle-dir=" + bundle, "--server.port=0", "--spring.profiles.active=test", "--spring.datasource.url=jdbc:h2:mem:startup-failure")
                .close());
    }

    private static InvalidBundleException bundleFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidBundleException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("start-up did not fail on the bundle", thrown);
    }

    @Test
    void aDrlSyntaxErrorStopsStartUpWithFileLineAndHint() {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/broken.drl", """
                package pauta.broken;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;

                rule "Half written"
                    @section("values")
                when
                    Contact(intent == "COMPLAINT"
                then
                    outcome.propose(kcontext, "SAY", "X", 1);
                end
                """);

        InvalidBundleException failure = bundleFailure(start(folder));

        Problem problem = failure.problems().get(0);
        assertThat(problem.path()).isEqualTo("rules/broken.drl");
        assertThat(problem.line()).isBetween(8, 10);
        assertThat(problem.hint()).isNotBlank();
        FailureAnalysis analysis = new InvalidBundleFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("rules/broken.drl:" + problem.line());
        assertThat(analysis.getAction()).contains("validate");
    }

    @Test
    void aRuleCitingAMissingSectionStopsStartUp() {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/orphan.drl", """
                package pauta.orphan;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;

                rule "Cites nothing real"
                    @section("loyalty-programme")
                when
                    Contact(intent == "COMPLAINT")
                then
                    outcome.propose(kcontext, "SAY", "X", 1);
                end
                """);

        InvalidBundleException failure = bundleFailure(start(folder));

        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules/orphan.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("loyalty-programme");
            assertThat(p.hint()).contains("manual/<locale>/loyalty-programme.md");
        });
    }
}
