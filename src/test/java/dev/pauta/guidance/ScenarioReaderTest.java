package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Bundle;
import dev.pauta.manual.Problem;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    private static final String PATH = "rules/tests/sample.yaml";

    private static ScenarioRunner.Parsed read(String yaml) {
        return new ScenarioReader().read(new Bundle(Map.of(PATH, yaml)));
    }

    @Test
    void aScenarioIsReadWithItsTypedFieldsAndTheLineOfItsName() {
        ScenarioRunner.Parsed parsed = read("""
                # late orders
                - name: A late order
                  given:
                    locale: es
                    channel: PHONE
                    intent: ORDER_DELAYED
                    customer: { id: C-1, tier: GOLD, specialNeeds: [ELDERLY] }
                    order: { delayDays: 6, value: 120.5 }
                    interaction: { sentiment: -0.4, text: "sigue sin llegar" }
                    ledger:
                      - { code: DELAY_COUPON, daysAgo: 10 }
                  expect:
                    - { code: DELAY_COUPON, type: OFFER, params: { percent: 15 } }
                    - DELAY_APOLOGY
                  absent: [WAIT_GESTURE]
                """);

        assertThat(parsed.problems()).isEmpty();
        Scenario scenario = parsed.scenarios().get(0);
        assertThat(scenario.line()).isEqualTo(2);
        assertThat(scenario.given().customer().specialNeeds()).containsExactly("ELDERLY");
        assertThat(scenario.given().order().delayDays()).isEqualTo(6);
        assertThat(scenario.given().order().value()).isEqualByComparingTo(new BigDecimal("120.5"));
        assertThat(scenario.given().interaction().sentiment()).isEqualTo(-0.4);
        assertThat(scenario.ledger()).containsExactly(new Scenario.LedgerLine("DELAY_COUPON", 10));
        assertThat(scenario.expect()).extracting(Scenario.Expected::code).containsExactly("DELAY_COUPON", "DELAY_APOLOGY");
        assertThat(scenario.expect().get(0).params()).containsEntry("percent", 15);
        assertThat(scenario.absent()).containsExactly("WAIT_GESTURE");
    }

    @Test
    void theRegisterAndTheWordsToSayAreReadWithTheRequestedRegister() {
        ScenarioRunner.Parsed parsed = read("""
                - name: An older caller
                  given:
                    locale: es
                    channel: PHONE
                    intent: OTHER
                    interaction: { register: formal }
                    draft: "puedes"
                  expect:
                    - { code: PHONE_GREETING, say: ["Le atiende"], sayLacks: ["Soy"] }
                  register: usted
                  registerReason: mayores
                  sayIn: usted
                  sayLacks: [Pauta, tu]
                  violations: [puedes]
                  notFlagged: [shouting]
                - name: A bad one
                  given: { locale: es, channel: PHONE, intent: OTHER }
                  register: [usted, tú]
                """);

        Scenario scenario = parsed.scenarios().get(0);
        assertThat(scenario.given().interaction().register()).isEqualTo("formal");
        assertThat(scenario.expect().get(0).say()).containsExactly("Le atiende");
        assertThat(scenario.expect().get(0).sayLacks()).containsExactly("Soy");
        assertThat(scenario.register()).isEqualTo("usted");
        assertThat(scenario.registerReason()).isEqualTo("mayores");
        assertThat(scenario.sayIn()).isEqualTo("usted");
        assertThat(scenario.sayLacks()).containsExactly("Pauta", "tu");
        assertThat(scenario.notFlagged()).containsExactly("shouting");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.message()).contains("A bad one").contains("expected a single value");
        });
    }

    @Test
    void wordsAreMatchedWholeAndInOrderIgnoringCaseButNotAccents() {
        assertThat(ScenarioRunner.containsWords("Le atiende Lucía, ¿en qué puedo ayudarle?", "le ATIENDE")).isTrue();
        assertThat(ScenarioRunner.containsWords("Gracias por tu paciencia", "tú")).isFalse();
        assertThat(ScenarioRunner.containsWords("Te lo envío", "te lo")).isTrue();
        assertThat(ScenarioRunner.containsWords("Tenemos stock", "te")).isFalse();
        assertThat(ScenarioRunner.containsWords("I’m here", "I'm")).isTrue();
    }

    @Test
    void aScenarioWhoseNameIsInsideAnEarlierOneStillGetsItsOwnLine() {
        ScenarioRunner.Parsed parsed = read("""
                - name: A late order gets a coupon
                  given: { locale: es, channel: PHONE, intent: ORDER_DELAYED }
                  expect: [DELAY_APOLOGY]
                - name: late order
                  given: { locale: es, channel: PHONE, intent: ORDER_DELAYED }
                  expect: [DELAY_APOLOGY]
                """);

        assertThat(parsed.scenarios()).extracting(Scenario::line).containsExactly(1, 4);
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemAtItsOwnLine() {
        ScenarioRunner.Parsed parsed = read("""
                - name: wrong types
                  given:
                    locale: es
                    channel: PHONE
                    intent: ORDER_DELAYED
                    interaction:
                      waitMinutes: 3
                      sentiment: very
                  expect: [DELAY_APOLOGY]
                - name: a map for a number
                  given:
                    locale: es
                    channel: PHONE
                    intent: ORDER_DELAYED
                    order: {delayDays: {a: b}}
                  expect: [DELAY_APOLOGY]
                - name: no intent
                  given:
                    locale: es
                    channel: PHONE
                  expect: 42
                - name: not a number at all
                  given: {locale: es, channel: PHONE, intent: ORDER_DELAYED, order: {value: .nan}}
                """);

        assertThat(parsed.scenarios()).isEmpty();
        assertThat(parsed.problems()).extracting(Problem::line).containsExactly(8, 15, 19, 23);
        assertThat(parsed.problems()).extracting(Problem::message).containsExactly(
                "scenario 'wrong types': 'very' is not a number",
                "scenario 'a map for a number': expected a single value but found a mapping",
                "scenario 'no intent': 'intent' is required",
                "scenario 'not a number at all': '.nan' is not a finite number");
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.hint()).contains("rules/tests/README.md"));
    }

    @Test
    void aFileThatIsNotAListOfScenariosIsAProblem() {
        assertThat(read("- just a string\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("scenario '?': scenario is not a mapping of 'field: value'"));
        assertThat(read("name: one\ngiven: {}\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("a scenario file is a YAML list of scenarios"));
        assertThat(read("").problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(1));
    }

    @Test
    void malformedAndOversizedFilesAreProblemsWithTheirLine() {
        Problem unclosed = read("- name: one\n  expect: [unclosed\n").problems().get(0);
        Problem twice = read("- name: one\n  given: {locale: es}\n  name: two\n").problems().get(0);
        Problem deep = read("[".repeat(1_000) + "]".repeat(1_000)).problems().get(0);

        assertThat(unclosed.line()).isEqualTo(3);
        assertThat(unclosed.message()).startsWith("not valid YAML: ");
        assertThat(twice.line()).isEqualTo(3);
        assertThat(twice.message()).contains("'name' appears twice");
        assertThat(deep.message()).contains("more aliases, nesting or text than a scenario file may");
        assertThat(deep.hint()).contains("no anchors and aliases");
    }
}
