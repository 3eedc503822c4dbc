package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pauta.TestBundles;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Release;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A join Drools would build in full before any deadline can see it is refused when the snapshot is built, at the rule's line. */
class JoinBoundTest {

    private static final String HEADER = """
            package pauta.wide;

            import dev.pauta.rules.facts.*;

            global dev.pauta.rules.facts.Outcome outcome;

            """;

    @TempDir
    Path folder;

    private Snapshot compile(String rule) {
        TestBundles.copyOfFixture(folder);
        TestBundles.write(folder, "rules/wide.drl", HEADER + rule);
        Bundle bundle = Bundle.fromFolder(folder);
        return new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, null, null));
    }

    @Test
    void aCrossProductOfEveryPolicyRowIsRefusedAtItsLine() {
        String rule = """
                rule "Every row with every row, five times over"
                    @section("delay-compensation")
                when
                    Contact(intent == "ORDER_DELAYED")
                    PolicyRow($a : table)
                    PolicyRow(table != $a)
                    PolicyRow(table == $a)
                    PolicyRow(table != $a)
                    PolicyRow(table == $a)
                then
                    outcome.propose(kcontext, "SAY", "DELAY_APOLOGY", 1);
                end
                """;

        assertThatThrownBy(() -> compile(rule)).isInstanceOfSatisfying(InvalidBundleException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("rules/wide.drl");
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.message()).contains("Every row with every row, five times over").contains("combinations");
                    assertThat(p.hint()).contains("table ==");
                }));
    }

    @Test
    void aJoinOverOneSmallTableIsServed() {
        String rule = """
                rule "Three long-wait signals"
                    @section("long-wait")
                when
                    PolicyRow(table == "long-wait", $a : text("signal"))
                    PolicyRow(table == "long-wait", text("signal") != $a, $b : text("signal"))
                    PolicyRow(table == "long-wait", text("signal") != $a, text("signal") != $b)
                    Contact(intent == "LONG_WAIT")
                then
                    outcome.propose(kcontext, "DOCUMENT", "TICKET_LOG", 1);
                end
                """;

        assertThat(compile(rule).ruleSet().ruleKeys()).contains("pauta.wide/Three long-wait signals");
    }
}
