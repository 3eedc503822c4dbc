package dev.pauta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.TestBundles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theShippedFolderValidatesAndPassesItsScenarios() {
        assertThat(run("validate", TestBundles.shipped().toString())).isZero();
        assertThat(run("test", TestBundles.shipped().toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("scenarios: ").contains(" passed, 0 failed");
    }

    @Test
    void anInvalidFolderExitsOneWithPathLineMessages() {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/escape.drl", """
                package pauta.escape;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;
                rule "Exit"
                    @section("values")
                when
                    Contact()
                then
                    System.exit(3);
                end
                """);

        assertThat(run("validate", folder.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("rules/escape\\.drl:9: rule 'Exit': 'System\\.exit\\(3\\)' is not a call on outcome");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("validate", folder.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
