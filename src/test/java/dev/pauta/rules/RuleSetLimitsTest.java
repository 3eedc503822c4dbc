package dev.pauta.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RuleSetLimitsTest {

    private static final String HEADER = """
            package pauta.limits;
            import dev.pauta.rules.facts.*;
            global dev.pauta.rules.facts.Outcome outcome;
            """;
    private static final Situation PHONE_CALL = new Situation("es", "PHONE", "OTHER", null, null, null, null);

    private static RuleSet compile(int firingLimit, Duration budget, String rules) {
        RuleCompiler.Result result = new RuleCompiler(firingLimit, budget).compile(Map.of("rules/limits.drl", HEADER + rules), id -> true);
        assertThat(result.problems()).isEmpty();
        return result.ruleSet();
    }

    private static RuleFailure failureOf(RuleSet rules, Situation situation, RuleSet.PolicyFacts policy) {
        return catchThrowableOfType(RuleFailure.class, () -> rules.evaluate(situation, policy, List.of(), Instant.now()));
    }

    private static RuleSet.PolicyFacts rows(RuleSet rules, int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("n", String.valueOf(i)));
        }
        return rules.policyFacts(Map.of("numbers", rows));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aRuleThatIsSlowInItsConditionsIsStoppedByTheTimeBudget() {
        RuleSet rules = compile(Integer.MAX_VALUE, Duration.ofMillis(1), """
                rule "Every pair of rows"
                    @section("values")
                when
                    PolicyRow(table == "numbers", $a : num("n"))
                    PolicyRow(table == "numbers", num("n") != $a)
                then
                    outcome.propose(kcontext, "INFORM", "PAIR", 1);
                end
                """);

        RuleFailure failure = failureOf(rules, PHONE_CALL, rows(rules, 1_000));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(RuleFailure.Kind.TIME_BUDGET);
        assertThat(failure.rule()).isEqualTo("Every pair of rows");
        assertThat(failure.getMessage()).contains("'Every pair of rows'").contains("time budget of 1 ms");
    }

    @Test
    void aRuleThatFiresPastTheLimitIsStoppedAsALoop() {
        RuleSet rules = compile(50, RuleSet.DEFAULT_TIME_BUDGET, """
                rule "Every pair of rows"
                    @section("values")
                when
                    PolicyRow(table == "numbers", $a : num("n"))
                    PolicyRow(table == "numbers", num("n") != $a)
                then
                    outcome.propose(kcontext, "INFORM", "PAIR", 1);
                end
                """);

        RuleFailure failure = failureOf(rules, PHONE_CALL, rows(rules, 10));

        assertThat(failure.kind()).isEqualTo(RuleFailure.Kind.LOOP);
        assertThat(failure.rule()).isEqualTo("Every pair of rows");
        assertThat(failure.getMessage()).contains("50");
    }

    @Test
    void aConsequenceThatThrowsBecomesAFailureNamingItsRuleAndTheRulesKeepServing() {
        RuleSet rules = compile(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET, """
                rule "Divides by the wait"
                    @section("values")
                when
                    Contact(intent == "COMPLAINT")
                    Interaction($minutes : waitMinutes)
                then
                    outcome.propose(kcontext, "INFORM", "RATE", 1).param("perMinute", 60 / $minutes);
                end
                """);
        Situation noWait = new Situation("es", "PHONE", "COMPLAINT", null, null, new Situation.Interaction(0, 0, 0, 0.0, null), null);
        Situation someWait = new Situation("es", "PHONE", "COMPLAINT", null, null, new Situation.Interaction(4, 0, 0, 0.0, null), null);

        RuleFailure failure = failureOf(rules, noWait, rules.policyFacts(Map.of()));

        assertThat(failure.kind()).isEqualTo(RuleFailure.Kind.ERROR);
        assertThat(failure.rule()).isEqualTo("Divides by the wait");
        assertThat(failure.getMessage()).isEqualTo("rule 'Divides by the wait' divided by zero");
        Evaluation next = rules.evaluate(someWait, rules.policyFacts(Map.of()), List.of(), Instant.now());
        assertThat(next.proposals()).singleElement().satisfies(p -> assertThat(p.params()).containsEntry("perMinute", 15));
    }

    @Test
    void aConstraintThatThrowsBecomesAFailureNamingItsRule() {
        RuleSet rules = compile(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET, """
                rule "Mentions the customer type"
                    @section("values")
                when
                    Customer($type : type)
                    Interaction(mentions($type))
                then
                    outcome.propose(kcontext, "INFORM", "TYPE_MENTIONED", 1);
                end
                """);

        RuleFailure failure = failureOf(rules, PHONE_CALL, rules.policyFacts(Map.of()));

        assertThat(failure.kind()).isEqualTo(RuleFailure.Kind.ERROR);
        assertThat(failure.rule()).isEqualTo("Mentions the customer type");
        assertThat(failure.getMessage()).doesNotContain("Exception").doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]");
    }

    @Test
    void aParameterWithoutAValueIsAFailureOfItsRule() {
        RuleSet rules = compile(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET, """
                rule "Names the customer type"
                    @section("values")
                when
                    Customer($type : type)
                then
                    outcome.propose(kcontext, "SAY", "TONE", 1).param("type", $type);
                end
                """);

        RuleFailure failure = failureOf(rules, PHONE_CALL, rules.policyFacts(Map.of()));

        assertThat(failure.kind()).isEqualTo(RuleFailure.Kind.ERROR);
        assertThat(failure.getMessage()).isEqualTo("rule 'Names the customer type' used a value that is missing");
    }
}
