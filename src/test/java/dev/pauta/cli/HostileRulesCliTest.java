package dev.pauta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.HostileRules;
import dev.pauta.TestBundles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostileRulesCliTest {

    @TempDir
    Path folder;

    static List<String> hostileFiles() {
        return HostileRules.files();
    }

    @BeforeAll
    static void noMarkerYet() {
        HostileRules.clearMarker();
    }

    @AfterAll
    static void noAttackEverRan() {
        assertThat(HostileRules.MARKER).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void validatingAFolderWithAHostileRuleExitsOneWithItsPathAndLine(String file) {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/hostile.drl", HostileRules.read(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Cli.run(new String[] {"validate", folder.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^rules/hostile\\.drl:[1-9][0-9]*: .+\\(hint: .+\\)$")
                .doesNotContain("ok: ");
    }
}
