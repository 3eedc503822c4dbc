package dev.pauta.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pauta.TestBundles;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import dev.pauta.rules.RuleContract.CodePart;
import dev.pauta.rules.RuleContract.ColumnRead;
import dev.pauta.rules.RuleContract.Emit;
import dev.pauta.rules.RuleContract.Use;
import dev.pauta.rules.RuleContract.Worth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a rule reads and emits is read from its checked trees: tables, columns and how each is used, codes and their parts. */
class RuleContractTest {

    private static final String HEADER = """
            package pauta.contract;
            import dev.pauta.rules.facts.*;
            global dev.pauta.rules.facts.Outcome outcome;
            """;

    private final RuleCompiler compiler = new RuleCompiler(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET);

    private static final Map<String, String> FIXTURE = Bundle.fromFolder(TestBundles.fixture()).withPrefix("rules/");

    private RuleContract fixture(String rule) {
        RuleCompiler.Result result = compiler.compile(FIXTURE, id -> true);
        assertThat(result.problems()).isEmpty();
        return result.ruleSet().contracts().stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
    }

    private RuleCompiler.Result compile(String rules) {
        return compiler.compile(Map.of("rules/contract.drl", HEADER + rules), id -> true);
    }

    /** The 1-based line of the first line of a fixture rule file holding this text. */
    private static int lineOf(String path, String text) {
        List<String> lines = FIXTURE.get(path).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + path);
    }

    @Test
    void theDelayCouponRuleReadsItsTableByColumnAndDeclaresItsWorth() {
        RuleContract contract = fixture("Coupon by days late and tier");
        int pattern = lineOf("rules/compensation.drl", "PolicyRow(table == \"delay-coupons\"");

        assertThat(contract.path()).isEqualTo("rules/compensation.drl");
        assertThat(contract.tables()).containsExactly(new RuleContract.TableRead("delay-coupons", pattern));
        assertThat(contract.columns()).containsExactlyInAnyOrder(
                new ColumnRead("delay-coupons", "tier", Use.CODE, pattern),
                new ColumnRead("delay-coupons", "minDays", Use.NUMBER, pattern),
                new ColumnRead("delay-coupons", "maxDays", Use.CODE, pattern),
                new ColumnRead("delay-coupons", "maxDays", Use.NUMBER, pattern),
                new ColumnRead("delay-coupons", "percent", Use.NUMBER, pattern));
        assertThat(contract.emits()).singleElement().satisfies(emit -> {
            assertThat(emit.type()).isEqualTo("OFFER");
            assertThat(emit.code()).containsExactly(new CodePart.Literal("DELAY_COUPON"));
            assertThat(emit.worth()).isEqualTo(Worth.NUMBER);
            assertThat(emit.line()).isEqualTo(lineOf("rules/compensation.drl", "\"OFFER\", \"DELAY_COUPON\""));
        });
    }

    @Test
    void aListReadThroughABoundRowInsideAnAccumulateIsReadOnThatRowsTable() {
        RuleContract contract = fixture("The cap holds back the delay coupon");
        int counted = lineOf("rules/compensation.drl", "CompensationEntry(daysAgo < $window, $limit.lists(\"codes\", code)), count(1))");

        assertThat(contract.columns()).contains(new ColumnRead("coupon-limits", "codes", Use.LIST, counted));
        assertThat(contract.emits()).singleElement().satisfies(emit -> {
            assertThat(emit.isHold()).isTrue();
            assertThat(emit.code()).containsExactly(new CodePart.Literal("DELAY_COUPON"));
            assertThat(emit.reason()).isEqualTo("COUPON_CAP_REACHED");
        });
    }

    @Test
    void aCodeJoinedWithAVocabularyCodeKeepsItsPartsAndExpandsOverItsValues() {
        RuleContract contract = fixture("Accommodate a need on this channel");

        assertThat(contract.columns()).extracting(ColumnRead::column, ColumnRead::use).containsExactlyInAnyOrder(
                tuple("code", Use.CODE), tuple("channel", Use.CODE),
                tuple("say", Use.WORDS), tuple("label", Use.WORDS));
        Emit emit = contract.emits().get(0);
        assertThat(emit.code()).containsExactly(new CodePart.Literal("ACCOMMODATE_"), new CodePart.Property("SpecialNeed", "code"));
        assertThat(emit.written()).isEqualTo("\"ACCOMMODATE_\" + $need");
        assertThat(emit.script()).isEqualTo("ACCOMMODATE");
        assertThat(emit.codes(part -> Set.of("ELDERLY", "COGNITIVE"))).containsExactlyInAnyOrder("ACCOMMODATE_ELDERLY", "ACCOMMODATE_COGNITIVE");
    }

    @Test
    void aCellBoundAndComparedLaterDecidesWhileACellBoundAndMentionedStaysWords() {
        RuleCompiler.Result result = compile("""
                rule "Keys and words"
                    @section("values")
                when
                    PolicyRow(table == "pairs", $key : text("key"), $word : text("word"))
                    Customer(tier == $key)
                    Interaction(mentions($word))
                then
                    outcome.propose(kcontext, "SAY", "PAIR_" + $key, 1).param("word", $word);
                end
                """);

        assertThat(result.problems()).isEmpty();
        RuleContract contract = result.ruleSet().contracts().get(0);
        assertThat(contract.columns()).extracting(ColumnRead::column, ColumnRead::use, ColumnRead::line).containsExactlyInAnyOrder(
                tuple("key", Use.WORDS, 7), tuple("word", Use.WORDS, 7),
                tuple("key", Use.CODE, 8), tuple("key", Use.CODE, 11));
        assertThat(contract.emits().get(0).code()).containsExactly(new CodePart.Literal("PAIR_"), new CodePart.Column("pairs", "key"));
    }

    @Test
    void aTableNamedOnlyUnderAnOrIsReadAndItsRowsReachTheRules() {
        RuleCompiler.Result result = compile("""
                rule "Either table"
                    @section("values")
                when
                    PolicyRow(table == "first" || table == "second")
                then
                    outcome.propose(kcontext, "SAY", "EITHER", 1);
                end
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ruleSet().contracts().get(0).tables()).extracting(RuleContract.TableRead::table).containsExactly("first", "second");
        RuleSet.PolicyFacts facts = result.ruleSet().policyFacts(Map.of("first", List.of(Map.of()), "second", List.of(Map.of()), "third", List.of(Map.of())));
        assertThat(facts.size()).isEqualTo(2);
    }

    @Test
    void cellsOfAPatternThatNamesNoSingleTableAreRefusedAtThePattern() {
        RuleCompiler.Result result = compile("""
                rule "Any table"
                    @section("values")
                when
                    Contact()
                    PolicyRow(table == "first" || table == "second", $value : num("value"))
                then
                    outcome.propose(kcontext, "SAY", "ANY", 1).param("value", $value);
                end
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules/contract.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("Any table").contains("names no single table");
            assertThat(p.hint()).contains("table ==");
        });
    }

    @Test
    void aColumnNamedByAnythingButAQuotedNameIsRefusedAtThePattern() {
        RuleCompiler.Result result = compile("""
                rule "Column from a binding"
                    @section("values")
                when
                    Contact($channel : channel)
                    PolicyRow(table == "channels", text($channel) == "yes")
                then
                    outcome.propose(kcontext, "SAY", "ANY", 1);
                end
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("names its column with something other than a quoted name");
        });
    }

    @Test
    void aCodeJoinedFromANumberOrAWholeFactIsRefusedAtItsStatement() {
        RuleCompiler.Result result = compile("""
                rule "Code from a number"
                    @section("values")
                when
                    Order($days : delayDays)
                then
                    outcome.propose(kcontext, "SAY", "DELAY_APOLOGY", 1);

                    outcome.propose(kcontext, "SAY", "LATE_" + $days, 1);
                end
                rule "Code from a fact"
                    @section("values")
                when
                    $row : PolicyRow(table == "channels")
                then
                    outcome.propose(kcontext, "SAY", "ROW_" + $row, 1);
                end
                """);

        List<Problem> problems = new ArrayList<>(result.problems());
        assertThat(problems).extracting(Problem::line).containsExactly(11, 18);
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.message()).contains("which is not a code the manual lists");
            assertThat(p.hint()).contains("vocabulary code");
        });
    }

    @Test
    void aTableNamedLikeTheJoinBoundsOwnMarkersIsCountedByItsRows() {
        RuleCompiler.Result result = compile("""
                rule "Three of n"
                    @section("values")
                when
                    PolicyRow(table == "n", $a : text("k"))
                    PolicyRow(table == "n", text("k") != $a, $b : text("k"))
                    PolicyRow(table == "n", text("k") != $b)
                then
                    outcome.propose(kcontext, "SAY", "N", 1);
                end
                """);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(Map.of("k", String.valueOf(i)));
        }

        List<Problem> oversized = result.ruleSet().oversizedJoins(result.ruleSet().policyFacts(Map.of("n", rows)));

        assertThat(oversized).singleElement().satisfies(p -> assertThat(p.message()).contains("Three of n").contains("1000000 combinations"));
    }
}
