package dev.pauta.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeProfileTest {

    private static final String HEADER = """
            package pauta.test;
            import dev.pauta.rules.facts.*;
            global dev.pauta.rules.facts.Outcome outcome;
            """;

    private final RuleCompiler compiler = new RuleCompiler(200);

    private RuleCompiler.Result compile(String drl) {
        return compiler.compile(Map.of("rules/test.drl", drl), id -> id.equals("values"));
    }

    private static String rule(String then) {
        return HEADER + """
                rule "Attempt"
                    @section("values")
                when
                    Contact()
                then
                %s
                end
                """.formatted(then);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(0);",
            "java.lang.System.exit(0);",
            "Runtime.getRuntime().halt(0);",
            "new java.io.File(\"/etc/passwd\").delete();",
            "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));",
            "String.class.getMethods()[0].invoke(null);",
            "\"x\".getClass().getClassLoader();",
            "Class.forName(\"java.lang.Runtime\");",
            "new Thread(() -> {}).start();",
            "new java.net.Socket(\"localhost\", 80);",
            "new ProcessBuilder(\"sh\").start();",
            "kcontext.getKieRuntime().halt();",
            "\\u0053ystem.exit(0);",
    })
    void refusesRulesThatReachOutsideTheirFacts(String body) {
        RuleCompiler.Result result = compile(rule(body));

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).first().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules/test.drl");
            assertThat(p.line()).isGreaterThanOrEqualTo(4);
            assertThat(p.hint()).isNotBlank();
        });
    }

    @Test
    void refusesImportsOutsideTheFactModel() {
        RuleCompiler.Result result = compile(rule("outcome.propose(kcontext, \"SAY\", \"X\", 1);").replace("import dev.pauta.rules.facts.*;", "import dev.pauta.rules.facts.*;\nimport java.io.File;"));

        assertThat(result.problems()).extracting(Problem::message).anyMatch(m -> m.contains("java.io.File"));
    }

    @Test
    void wordsInsideStringsAreNotCode() {
        RuleCompiler.Result result = compile(rule("outcome.propose(kcontext, \"SAY\", \"System exit Runtime\", 1);"));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aRuleThatReFiresForeverIsStoppedAtTheFiringLimit() {
        RuleCompiler.Result result = compile(HEADER + """
                rule "Forever"
                    @section("values")
                when
                    $c : Contact()
                then
                    update($c);
                end
                """);
        assertThat(result.problems()).isEmpty();

        Situation situation = new Situation("es", "PHONE", "OTHER", null, null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> result.ruleSet().evaluate(situation, result.ruleSet().policyFacts(Map.of()), List.of(), Instant.now()))
                .isInstanceOf(RuleLoopException.class)
                .hasMessageContaining("200");
    }
}
