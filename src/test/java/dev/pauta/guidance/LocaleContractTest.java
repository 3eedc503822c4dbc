package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Problem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table and column a rule reads exists in every locale, and the cells that decide what a rule does are the same in
 * every locale, so the number an agent reads in either language is the number applied. Each refusal names its path and line.
 */
class LocaleContractTest {

    private static final String ES = "manual/es/delay-compensation.md";
    private static final String EN = "manual/en/delay-compensation.md";
    /** The fixture's delay-coupons row for gold customers whose band starts at three days: minDays, maxDays, tier, percent. */
    private static final Predicate<List<String>> GOLD_FROM_THREE_DAYS = cells -> cells.size() == 4 && cells.get(0).equals("3") && cells.get(2).equals("GOLD");
    private static final int PERCENT = 3;

    @TempDir
    Path folder;

    private BundleCopy copy;

    @BeforeEach
    void copyTheFixture() {
        copy = BundleCopy.ofFixture(folder);
    }

    @Test
    void aCouponChangedInOneLocaleOnlyIsRefusedNamingBothFilesAndLines() {
        int es = copy.row(ES, GOLD_FROM_THREE_DAYS);
        int en = copy.row(EN, GOLD_FROM_THREE_DAYS);
        String before = copy.cells(EN, en).get(PERCENT);
        String raised = raised(before);
        copy.setCell(ES, es, PERCENT, raised);

        List<Problem> problems = copy.problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(ES);
            assertThat(p.line()).isEqualTo(es);
            assertThat(p.message()).contains("'percent' of table 'delay-coupons'")
                    .contains(ES + ":" + es + " says " + raised).contains(EN + ":" + en + " says " + before)
                    .contains("Coupon by days late and tier");
            assertThat(p.hint()).contains("same").contains("translate only the words");
        });
    }

    @Test
    void aCodeARuleComparesThatDiffersBetweenLocalesIsRefusedNamingBothLines() {
        String es = "manual/es/special-groups.md";
        String en = "manual/en/special-groups.md";
        Predicate<List<String>> elderlyInStore = cells -> cells.size() == 4 && cells.get(0).equals("ELDERLY") && cells.get(2).equals("STORE");
        int esLine = copy.row(es, elderlyInStore);
        int enLine = copy.row(en, elderlyInStore);
        copy.setCell(en, enLine, 2, "CHAT");

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(es);
            assertThat(p.line()).isEqualTo(esLine);
            assertThat(p.message()).contains("'channel' of table 'special-needs'").contains(es + ":" + esLine + " says STORE").contains(en + ":" + enLine + " says CHAT");
        });
    }

    @Test
    void aTableWithAnotherNumberOfRowsInOneLocaleIsRefusedAtTheExtraRow() {
        int en = copy.row(EN, GOLD_FROM_THREE_DAYS);
        copy.delete(EN, en, en);
        int esExtra = copy.row(ES, cells -> cells.size() == 4 && cells.get(0).equals("7") && cells.get(2).equals("VIP"));

        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(ES);
            assertThat(p.line()).isEqualTo(esExtra);
            assertThat(p.message()).contains("table 'delay-coupons' has 5 rows in " + EN + ":").contains(" and 6 in " + ES + ":");
        });
    }

    @Test
    void aCellARuleReadsAsANumberThatIsNotOneIsRefusedAtItsRow() {
        int en = copy.row(EN, GOLD_FROM_THREE_DAYS);
        copy.setCell(EN, en, PERCENT, "fifteen");

        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(EN);
            assertThat(p.line()).isEqualTo(en);
            assertThat(p.message()).contains("'percent' of table 'delay-coupons' says 'fifteen', which is not a number").contains("never matches this row");
        });
    }

    @Test
    void aTableNameUsedTwiceInOneLocaleIsRefusedAtTheSecond() {
        String faq = "manual/es/faq.md";
        int end = copy.lines(faq).size();
        copy.insertAfter(faq, end, "", "<!-- table: delay-coupons -->", "| Desde `minDays` | Hasta `maxDays` | Nivel `tier` | Cupón `percent` |",
                "| --- | --- | --- | --- |", "| 2 | 4 | STANDARD | 50 |");
        int first = copy.line(ES, l -> l.contains("<!-- table: delay-coupons -->")) + 1;

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(faq);
            assertThat(p.line()).isEqualTo(end + 3);
            assertThat(p.message()).isEqualTo("table 'delay-coupons' is also in " + ES + ":" + first);
        });
    }

    @Test
    void aCellManyRulesReadIsReportedOnceAtItsRow() {
        String en = "manual/en/long-wait.md";
        int gesture = copy.row(en, cells -> cells.get(0).equals("gesturePercent"));
        copy.setCell(en, gesture, 1, "five");

        assertThat(copy.problems()).filteredOn(p -> p.path().equals(en)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(gesture);
            assertThat(p.message()).contains("'value' of table 'long-wait' says 'five', which is not a number");
        });
    }

    @Test
    void aRuleReadingATableNoLocaleHoldsIsRefusedAtItsPattern() {
        copy.rule("""
                rule "Loyalty bonus"
                    @section("delay-compensation")
                when
                    Contact(intent == "ORDER_DELAYED")
                    PolicyRow(table == "loyalty-bonus", $percent : num("percent"))
                then
                    outcome.propose(kcontext, "INFORM", "DELAY_STATUS", 1).param("bonus", $percent);
                end
                """);

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(BundleCopy.RULE_FILE);
            assertThat(p.line()).isEqualTo(BundleCopy.FIRST_RULE_LINE + 4);
            assertThat(p.message()).contains("'Loyalty bonus' reads table 'loyalty-bonus', which no section of the manual holds");
            assertThat(p.hint()).contains("<!-- table: loyalty-bonus -->");
        });
    }

    @Test
    void aRuleReadingATableOneLocaleLacksIsRefusedNamingTheLocale() {
        String en = "manual/en/email-protocol.md";
        int marker = copy.line(en, l -> l.contains("<!-- table: response-targets -->"));
        copy.delete(en, marker, marker + 3);
        int pattern = copy.line("rules/contacts.drl", l -> l.contains("table == \"response-targets\""));
        int esTable = copy.line("manual/es/email-protocol.md", l -> l.contains("<!-- table: response-targets -->")) + 1;

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules/contacts.drl");
            assertThat(p.line()).isEqualTo(pattern);
            assertThat(p.message()).contains("reads table 'response-targets', which 'en' does not hold (manual/es/email-protocol.md:" + esTable + " does)");
        });
    }

    @Test
    void aRuleReadingAColumnNoLocaleHasIsRefusedAtItsPattern() {
        copy.rule("""
                rule "Coupon by a column that is not there"
                    @section("delay-compensation")
                when
                    Customer($tier : tier)
                    PolicyRow(table == "delay-coupons", text("tier") == $tier, $percent : num("percentage"))
                then
                    outcome.propose(kcontext, "INFORM", "DELAY_STATUS", 1).param("bonus", $percent);
                end
                """);

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(BundleCopy.RULE_FILE);
            assertThat(p.line()).isEqualTo(BundleCopy.FIRST_RULE_LINE + 4);
            assertThat(p.message()).contains("reads column 'percentage' of table 'delay-coupons', which has no such column, so the rule never fires");
            assertThat(p.hint()).contains("[minDays, maxDays, tier, percent]");
        });
    }

    @Test
    void aColumnOneLocaleLacksIsRefusedAtThatLocalesTable() {
        int header = copy.line(EN, l -> l.contains("`minDays`"));
        copy.write(EN, replaced(copy.lines(EN), header, "`percent`", "`pct`"));

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(EN);
            assertThat(p.line()).isEqualTo(header);
            assertThat(p.message()).contains("table 'delay-coupons' has no column 'percent', which rule 'Coupon by days late and tier' (rules/compensation.drl:")
                    .contains(ES + ":" + copy.line(ES, l -> l.contains("`minDays`")) + " has it");
        });
    }

    @Test
    void aRuleReadingATableTheEngineKeepsIsRefused() {
        copy.rule("""
                rule "Words from the scripts table"
                    @section("delay-compensation")
                when
                    $row : PolicyRow(table == "scripts", text("code") == "DELAY_APOLOGY")
                then
                    outcome.propose(kcontext, "SAY", "DELAY_APOLOGY", 1).text($row.text("text"));
                end
                """);

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(BundleCopy.FIRST_RULE_LINE + 3);
            assertThat(p.message()).contains("reads table 'scripts', which the engine reads itself");
        });
    }

    private static String raised(String percent) {
        return new BigDecimal(percent).add(BigDecimal.valueOf(5)).toPlainString();
    }

    private static List<String> replaced(List<String> lines, int line, String from, String to) {
        lines.set(line - 1, lines.get(line - 1).replace(from, to));
        return lines;
    }
}
