package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pauta.HostileRules;
import dev.pauta.PautaApplication;
import dev.pauta.TestBundles;
import dev.pauta.manual.InvalidBundleException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

class HostileStartupTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void noMarkerYet() {
        HostileRules.clearMarker();
    }

    @AfterAll
    static void noAttackEverRan() {
        assertThat(HostileRules.MARKER).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime-exec.drl", "salience-expression.drl"})
    void theServiceRefusesToStartOnABundleWithAHostileRuleAndSaysWhere(String file) {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/hostile.drl", HostileRules.read(file));

        Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(PautaApplication.class)
                .run("--pauta.bundle-dir=" + folder, "--server.port=0", "--spring.profiles.active=test",
                        "--spring.datasource.url=jdbc:h2:mem:hostile-startup-" + file.replace(".drl", ""))
                .close());

        InvalidBundleException failure = bundleFailure(thrown);
        assertThat(failure.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).isEqualTo("rules/hostile.drl");
            assertThat(p.line()).isPositive();
        });
        FailureAnalysis analysis = new InvalidBundleFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("rules/hostile.drl:" + failure.problems().get(0).line() + ":");
    }

    private static InvalidBundleException bundleFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidBundleException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("start-up did not fail on the bundle", thrown);
    }
}
