package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code a rule can propose has words in every locale, every hold has a reason in words and holds something some rule
 * proposes, every offer says what it is worth, and action types are a closed set: each refused at its file and line.
 */
class CodeContractTest {

    /** The line of the first statement of {@link #lateOrderRule}'s consequence. */
    private static final int STATEMENT = BundleCopy.FIRST_RULE_LINE + 6;

    @TempDir
    Path folder;

    private BundleCopy copy;

    @BeforeEach
    void copyTheFixture() {
        copy = BundleCopy.ofFixture(folder);
    }

    private void lateOrderRule(String then) {
        copy.rule("""
                rule "Late order extra"
                    @section("delay-compensation")
                when
                    Contact(intent == "ORDER_DELAYED")
                    $row : PolicyRow(table == "delay-coupons", text("tier") == "GOLD", num("minDays") == 3)
                then
                """ + then + "\nend\n");
    }

    @Test
    void aCodeWithNoScriptIsRefusedAtItsStatementInEveryLocaleThatLacksIt() {
        lateOrderRule("    outcome.propose(kcontext, \"SAY\", \"DELAY_VOUCHER\", 70);");

        assertThat(copy.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.path()).isEqualTo(BundleCopy.RULE_FILE);
            assertThat(p.line()).isEqualTo(STATEMENT);
            assertThat(p.message()).contains("rule 'Late order extra' proposes \"DELAY_VOUCHER\"").contains("has no script for DELAY_VOUCHER")
                    .contains("the agent would see the bare code");
            assertThat(p.hint()).contains("scripts table").contains(".script(\"CODE\")");
        }).extracting(Problem::message).anyMatch(m -> m.contains("'en'")).anyMatch(m -> m.contains("'es'"));
    }

    @Test
    void aScriptNamedWithScriptThatDoesNotExistIsRefused() {
        lateOrderRule("    outcome.propose(kcontext, \"SAY\", \"DELAY_APOLOGY\", 70).script(\"DELAY_SORRY\");");

        assertThat(copy.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(STATEMENT);
            assertThat(p.message()).contains("with the words of .script(\"DELAY_SORRY\")").contains("has no script for DELAY_SORRY");
        });
    }

    @Test
    void wordsFromATableCellAndANamedScriptNeedNoScriptForTheCodeItself() {
        lateOrderRule("    outcome.propose(kcontext, \"SAY\", \"GOLD_EXTRA\", 70).text($row.text(\"tier\")).script(\"DELAY_APOLOGY\");");

        assertThat(copy.problems()).isEmpty();
    }

    @Test
    void aCodeJoinedWithAVocabularyCodeNeedsAScriptForEveryCodeItCanBe() {
        String es = "manual/es/special-groups.md";
        String en = "manual/en/special-groups.md";
        for (String path : List.of(es, en)) {
            int accommodate = copy.line(path, l -> l.startsWith("| ACCOMMODATE |"));
            copy.insertAfter(path, accommodate, "| NEED_ELDERLY | a |  |  | b |", "| NEED_HEARING_IMPAIRED | a |  |  | b |");
        }
        copy.rule("""
                rule "Name the need"
                    @section("special-groups")
                when
                    SpecialNeed($need : code)
                then
                    outcome.propose(kcontext, "INFORM", "NEED_" + $need, 50);
                end
                """);

        assertThat(copy.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(BundleCopy.FIRST_RULE_LINE + 5);
            assertThat(p.message()).contains("proposes \"NEED_\" + $need").endsWith("has no script for NEED_MOBILITY_IMPAIRED, so the agent would see the bare code");
        });
    }

    @Test
    void aCodeJoinedWithSomethingThatIsNotAVocabularyIsRefused() {
        copy.rule("""
                rule "Code by locale"
                    @section("values")
                when
                    Contact($locale : locale)
                then
                    outcome.propose(kcontext, "SAY", "HELLO_" + $locale, 50);
                end
                """);

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(BundleCopy.FIRST_RULE_LINE + 5);
            assertThat(p.message()).contains("joins Contact locale into the code \"HELLO_\" + $locale").contains("not a list of codes the manual defines");
        });
    }

    @Test
    void aHoldOfACodeNoRuleProposesIsRefused() {
        lateOrderRule("    outcome.hold(kcontext, \"DELAY_COUPN\", \"COUPON_CAP_REACHED\");");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(STATEMENT);
            assertThat(p.message()).contains("holds back DELAY_COUPN, which no rule proposes, so the hold never applies");
            assertThat(p.hint()).contains("spelling");
        });
    }

    @Test
    void aHoldWhoseReasonHasNoScriptIsRefused() {
        lateOrderRule("    outcome.hold(kcontext, \"DELAY_COUPON\", \"CAP_FULL\");");

        assertThat(copy.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.line()).isEqualTo(STATEMENT);
            assertThat(p.message()).contains("holds \"DELAY_COUPON\" back with reason CAP_FULL").contains("has no script for CAP_FULL");
        });
    }

    @Test
    void anOfferThatDoesNotSayWhatItIsWorthIsRefused() {
        lateOrderRule("""
                    outcome.propose(kcontext, "OFFER", "DELAY_COUPON", 80);
                    outcome.propose(kcontext, "OFFER", "WAIT_GESTURE", 60).param("percent", $row.text("percent"));
                """);

        List<Problem> problems = copy.problems();

        assertThat(problems).extracting(Problem::line).containsExactly(STATEMENT, STATEMENT + 1);
        assertThat(problems.get(0).message()).contains("offers \"DELAY_COUPON\" without the percent it is worth");
        assertThat(problems.get(1).message()).contains("offers \"WAIT_GESTURE\" with a percent that is not a number");
        assertThat(problems).allSatisfy(p -> assertThat(p.hint()).contains(".param(\"percent\", $percent)"));
    }

    @Test
    void offersNeedTheScriptsThatSayWhyOneWasNotMade() {
        for (String path : List.of("manual/es/delay-compensation.md", "manual/en/delay-compensation.md")) {
            int sameWorth = copy.line(path, l -> l.startsWith("| OFFER_SAME_WORTH |"));
            copy.delete(path, sameWorth, sameWorth);
        }

        assertThat(copy.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.path()).startsWith("rules/");
            assertThat(p.message()).contains("has no script for OFFER_SAME_WORTH to say why");
        });
    }

    @Test
    void anActionTypeOutsideTheClosedSetIsRefusedByTheGrammar() {
        lateOrderRule("    outcome.propose(kcontext, \"REFUND_NOW\", \"DELAY_APOLOGY\", 70);");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(STATEMENT);
            assertThat(p.message()).contains("'\"REFUND_NOW\"' is not an action type");
            assertThat(p.hint()).contains("[ASK, DOCUMENT, ESCALATE, FOLLOW_UP, INFORM, OFFER, SAY, TRANSFER]");
        });
    }
}
