package dev.pauta.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule the grammar admits may still not compile; the editor reads why in the fact model's words, not the JVM's. */
class CompileErrorWordsTest {

    @Test
    void aTypeErrorInAConsequenceNamesNoJavaPackage() {
        String drl = """
                package pauta.test;
                import dev.pauta.rules.facts.*;
                global dev.pauta.rules.facts.Outcome outcome;
                rule "Days as words"
                    @section("values")
                when
                    Order($days : delayDays)
                then
                    outcome.propose(kcontext, "SAY", "DELAY_APOLOGY", 1).text($days);
                end
                """;

        RuleCompiler.Result result = new RuleCompiler(100, Duration.ofMillis(50)).compile(Map.of("rules/test.drl", drl), id -> true);

        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).isEqualTo("rules/test.drl");
            assertThat(p.message()).doesNotContainPattern("\\b(java|javax|dev|org)\\.[a-z]").doesNotContain("Outcome.Entry").contains("text(String)");
        });
    }
}
