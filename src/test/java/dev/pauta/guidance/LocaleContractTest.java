package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Every table and column a rule reads exists in every locale, and the cells that decide what a rule does are the same in
 * every locale, so the number an agent reads in either language is the number applied. Each refusal names its path and line.
 */
class LocaleContractTest {

    private static final String ES = "manual/es/delay-compensation.md";
    private static final String EN = "manual/en/delay-compensation.md";
    /** The delay-coupons row for gold customers whose band starts at five days: minDays, maxDays, tier, percent. */
    private static final Predicate<List<String>> GOLD_FROM_FIVE_DAYS = cells -> cells.size() == 4 && cells.get(0).equals("5") && cells.get(2).equals("GOLD");
    private static final int PERCENT = 3;

    @TempDir
    Path folder;

    private BundleCopy copy;

    @BeforeEach
    void copyTheShippedBundle() {
        copy = new BundleCopy(folder);
    }

    @Test
    void theShippedManualKeepsTheContractOfItsRules() {
        assertThat(copy.problems()).extracting(Problem::describe).isEmpty();
    }

    @Test
    void aCouponChangedInOneLocaleOnlyIsRefusedNamingBothFilesAndLines() {
        int es = copy.row(ES, GOLD_FROM_FIVE_DAYS);
        int en = copy.row(EN, GOLD_FROM_FIVE_DAYS);
        String before = copy.cells(EN, en).get(PERCENT);
        String raised = raised(before);
        copy.setCell(ES, es, PERCENT, raised);

        List<Problem> problems = copy.problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(ES);
            assertThat(p.line()).isEqualTo(es);
            assertThat(p.message()).contains("'percent' of table 'delay-coupons'")
                    .contains(ES + ":" + es + " says " + raised).contains(EN + ":" + en + " says " + before)
                    .contains("Delay coupon by days late and tier");
            assertThat(p.hint()).contains("same").contains("translate only the words");
        });
    }

    @Test
    void aCouponChangedInEveryLocalePassesOnceTheScenariosThatExpectTheOldNumberDo() throws IOException {
        int es = copy.row(ES, GOLD_FROM_FIVE_DAYS);
        int en = copy.row(EN, GOLD_FROM_FIVE_DAYS);
        List<String> band = copy.cells(EN, en);
        String raised = raised(band.get(PERCENT));
        copy.setCell(ES, es, PERCENT, raised);
        copy.setCell(EN, en, PERCENT, raised);

        BundleValidator.Result unchangedScenarios = copy.validate();
        assertThat(unchangedScenarios.snapshot()).isNotNull();
        assertThat(unchangedScenarios.scenariosFailed()).isPositive();
        assertThat(unchangedScenarios.problems()).allSatisfy(p -> assertThat(p.message()).contains("DELAY_COUPON.percent is " + raised + ", expected " + band.get(PERCENT)));

        int adjusted = expectTheRaisedCoupon(Integer.parseInt(band.get(0)), Integer.parseInt(band.get(1)), band.get(2), band.get(PERCENT), raised);
        BundleValidator.Result result = copy.validate();

        assertThat(adjusted).isEqualTo(unchangedScenarios.scenariosFailed());
        assertThat(result.problems()).extracting(Problem::describe).isEmpty();
        assertThat(result.scenariosFailed()).isZero();
        assertThat(result.scenariosPassed()).isPositive();
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
        int en = copy.row(EN, GOLD_FROM_FIVE_DAYS);
        copy.delete(EN, en, en);
        int esExtra = copy.row(ES, cells -> cells.size() == 4 && cells.get(0).equals("10") && cells.get(2).equals("VIP"));

        assertThat(copy.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(ES);
            assertThat(p.line()).isEqualTo(esExtra);
            assertThat(p.message()).contains("table 'delay-coupons' has 8 rows in " + EN + ":").contains(" and 9 in " + ES + ":");
        });
    }

    @Test
    void aCellARuleReadsAsANumberThatIsNotOneIsRefusedAtItsRow() {
        int en = copy.row(EN, GOLD_FROM_FIVE_DAYS);
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
        String en = "manual/en/wrong-department.md";
        int marker = copy.line(en, l -> l.contains("<!-- table: transfer-limits -->"));
        copy.delete(en, marker, marker + 3);
        int pattern = copy.line("rules/routing.drl", l -> l.contains("table == \"transfer-limits\""));
        int esTable = copy.line("manual/es/wrong-department.md", l -> l.contains("<!-- table: transfer-limits -->")) + 1;

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("rules/routing.drl");
            assertThat(p.line()).isEqualTo(pattern);
            assertThat(p.message()).contains("reads table 'transfer-limits', which 'en' does not hold (manual/es/wrong-department.md:" + esTable + " does)");
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
            assertThat(p.message()).contains("table 'delay-coupons' has no column 'percent', which rule 'Delay coupon by days late and tier' (rules/compensation.drl:")
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

    /** Rewrites, in the copy, the scenarios that expect the band's old coupon so that they expect the raised one; returns how many. */
    @SuppressWarnings("unchecked")
    private int expectTheRaisedCoupon(int minDays, int maxDays, String tier, String before, String raised) throws IOException {
        LoaderOptions limits = new LoaderOptions();
        DumperOptions block = new DumperOptions();
        int adjusted = 0;
        try (Stream<Path> files = Files.list(copy.root().resolve("rules/tests"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                List<Map<String, Object>> scenarios = new Yaml(new SafeConstructor(limits)).load(Files.readString(file));
                int adjustedBefore = adjusted;
                for (Map<String, Object> scenario : scenarios) {
                    Map<String, Object> given = (Map<String, Object>) scenario.get("given");
                    Map<String, Object> customer = (Map<String, Object>) given.getOrDefault("customer", Map.of());
                    Map<String, Object> order = (Map<String, Object>) given.get("order");
                    boolean inBand = order != null && order.get("delayDays") instanceof Integer days && days >= minDays && days <= maxDays
                            && tier.equals(customer.get("tier"));
                    for (Object expected : (List<Object>) scenario.getOrDefault("expect", List.of())) {
                        if (inBand && expected instanceof Map<?, ?> e && "DELAY_COUPON".equals(e.get("code")) && e.get("params") instanceof Map<?, ?> params
                                && before.equals(String.valueOf(params.get("percent")))) {
                            ((Map<String, Object>) params).put("percent", Integer.parseInt(raised));
                            adjusted++;
                        }
                    }
                }
                if (adjusted > adjustedBefore) {
                    Files.writeString(file, new Yaml(new SafeConstructor(limits), new Representer(block), block).dump(scenarios));
                }
            }
        }
        return adjusted;
    }
}
