package dev.pauta.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pauta.HostileRules;
import dev.pauta.manual.Problem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleGrammarTest {

    private static final String HEADER = """
            package pauta.test;
            import dev.pauta.rules.facts.*;
            global dev.pauta.rules.facts.Outcome outcome;
            """;

    private final RuleCompiler compiler = new RuleCompiler(RuleSet.DEFAULT_FIRING_LIMIT, RuleSet.DEFAULT_TIME_BUDGET);

    static List<String> hostileFiles() {
        return HostileRules.files();
    }

    @BeforeAll
    static void noMarkerYet() {
        HostileRules.clearMarker();
    }

    @AfterAll
    static void noAttackEverRan() {
        assertThat(HostileRules.MARKER).doesNotExist();
    }

    private RuleCompiler.Result compile(String drl) {
        return compiler.compile(Map.of("rules/test.drl", drl), id -> true);
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void aHostileRuleIsOtherwiseValidDrlAndIsRefusedWithPathLineAndHint(String file) throws Exception {
        String drl = HostileRules.read(file);
        DrlParser parser = new DrlParser();
        PackageDescr pkg = parser.parse(false, drl);
        assertThat(parser.getErrors()).as("%s parses as DRL", file).isEmpty();
        assertThat(pkg.getName()).startsWith("pauta.");
        assertThat(pkg.getRules()).filteredOn(r -> !r.isQuery()).extracting(RuleDescr::getAnnotationNames).allMatch(names -> names.contains("section"));
        assertThat(drl).contains("@section(\"delay-compensation\")").contains("Contact(intent == \"ORDER_DELAYED\"");

        RuleCompiler.Result result = compiler.compile(Map.of("rules/hostile.drl", drl), id -> id.equals("delay-compensation"));

        assertThat(result.ok()).isFalse();
        assertThat(result.ruleSet()).isNull();
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.path()).isEqualTo("rules/hostile.drl");
            assertThat(p.line()).isBetween(1, (int) drl.lines().count());
            assertThat(p.hint()).isNotBlank();
        });
    }

    @Test
    void everyShippedRuleFileFitsTheGrammarUnchanged() throws IOException {
        Map<String, String> shipped = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                shipped.put("rules/" + file.getFileName(), Files.readString(file));
            }
        }

        RuleCompiler.Result result = compiler.compile(shipped, id -> true);

        assertThat(shipped).isNotEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.ruleSet().ruleKeys()).isNotEmpty();
    }

    @Test
    void aRuleUsingEveryAllowedConstructCompilesAndComputesWhatItSays() {
        RuleCompiler.Result result = compile("""
                package pauta.benign;

                import dev.pauta.rules.facts.*;
                import dev.pauta.rules.facts.PolicyRow;

                global dev.pauta.rules.facts.Outcome outcome;

                // Comments are fine, here and in the consequence.
                rule "Every construct: a late order, in words and numbers"
                    @section("delay-compensation, escalation")
                    salience 10
                    no-loop
                when
                    $contact : Contact(intent == "ORDER_DELAYED", channel != "STORE" || locale == "es", $channel : channel)
                    Customer($tier : tier, type == null || type != "FRIENDLY")
                    Order($days : delayDays >= 0, value * 2 > -1, (delayDays + 1) % 2 >= 0)
                    $row : PolicyRow(table == "delay-coupons", text("tier") == $tier, num("minDays") <= $days, $percent : num("percent"))
                    $interaction : Interaction(!mentions("sue you/them") || mentioned("abogad*") != "", sentiment <= 1.5, waitMinutes >= 0)
                    not SpecialNeed(code == "NONE")
                    exists (CompensationEntry() or Contact(locale == $contact.locale))
                    Number(intValue >= 0) from accumulate(CompensationEntry(code == "DELAY_COUPON"), count(1))
                    Number($total : doubleValue >= 0) from accumulate(CompensationEntry($ago : daysAgo), sum($ago))
                then
                    // One offer, its words, and a hold.
                    outcome.propose(kcontext, "OFFER", "DELAY_COUPON", 80).param("percent", $percent).param("days", $days * 2 + 1)
                        .param("label", $row.text("label")).param("total", $total);
                    outcome.propose(kcontext, "SAY", "TONE_" + $tier, 88).text($row.text("tier")).script("TONE").param("channel", $channel);
                    outcome.hold(kcontext, "WAIT_GESTURE", "COUPON_CAP_REACHED").param("keyword", $interaction.mentioned("abogad*"));
                end
                """);
        assertThat(result.problems()).isEmpty();
        RuleSet rules = result.ruleSet();
        Situation late = new Situation("es", "PHONE", "ORDER_DELAYED", new Situation.Customer("C-1", null, "GOLD", List.of()),
                new Situation.Order("O-1", 6, new BigDecimal("120.50"), "EUR"), new Situation.Interaction(3, 0, 1, -0.2, "hablaré con mi abogado"), null);
        RuleSet.PolicyFacts policy = rules.policyFacts(Map.of("delay-coupons", List.of(Map.of("tier", "GOLD", "minDays", "3", "percent", "15", "label", "Oro"))));

        Evaluation evaluation = rules.evaluate(late, policy, List.of(new Compensation("C-1", "DELAY_COUPON", Instant.now().minus(Duration.ofDays(4)), "d")), Instant.now());

        assertThat(evaluation.proposals()).extracting(Proposal::code).containsExactly("DELAY_COUPON", "TONE_GOLD");
        assertThat(evaluation.proposals().get(0).params()).containsEntry("percent", 15L).containsEntry("days", 13).containsEntry("label", "Oro").containsEntry("total", 4L);
        assertThat(evaluation.proposals().get(1)).satisfies(p -> {
            assertThat(p.text()).isEqualTo("GOLD");
            assertThat(p.script()).isEqualTo("TONE");
            assertThat(p.params()).containsEntry("channel", "PHONE");
            assertThat(p.sections()).containsExactly("delay-compensation", "escalation");
        });
        assertThat(evaluation.holds()).singleElement().satisfies(h -> assertThat(h.params()).containsEntry("keyword", "abogado"));
    }

    @Test
    void wordsInsideStringsAreNotCode() {
        RuleCompiler.Result result = compile(HEADER + """
                rule "Words"
                    @section("values")
                when
                    Interaction(mentions("System exit Runtime getClass"))
                then
                    outcome.propose(kcontext, "SAY", "X", 1).param("said", "Runtime.getRuntime() exec (touch) / 100 % more!");
                end
                """);

        assertThat(result.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "(intent == \"X\") ? true : false",
            "intent == \"X\" ; channel == \"Y\"",
            "intent str[startsWith] \"ORDER\"",
            "intent == \"A\" || == \"B\"",
            "intent in (\"A\", \"B\")",
    })
    void aConstraintTheExpressionParserReadsOnlyInPartOrRewritesIsRefused(String constraint) {
        ConstraintGrammar grammar = new ConstraintGrammar(DrlParser.DEFAULT_LANGUAGE_LEVEL, new ExpressionGrammar());

        assertThatThrownBy(() -> grammar.canonical(constraint, FactTypes.matchable("Contact").orElseThrow(), new Bindings()))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aConstraintIsCompiledAsItsPrintFromTheCheckedTree() {
        ConstraintGrammar grammar = new ConstraintGrammar(DrlParser.DEFAULT_LANGUAGE_LEVEL, new ExpressionGrammar());
        Bindings bindings = new Bindings();
        bindings.bindValue("$days");

        String printed = grammar.canonical("(text(\"maxDays\")==\"\"||num( \"maxDays\" )>=$days)", FactTypes.matchable("PolicyRow").orElseThrow(), bindings);

        assertThat(printed).isEqualTo("text(\"maxDays\") == \"\" || num(\"maxDays\") >= $days");
    }

    @Test
    void aBindingIsAStringOnlyAndItsMethodsAreOutOfReach() {
        RuleCompiler.Result result = compile(HEADER + """
                rule "Reaches through a value"
                    @section("values")
                when
                    Customer($tier : tier)
                    Contact(channel == $tier.toLowerCase())
                then
                    outcome.propose(kcontext, "SAY", "X", 1);
                end
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("$tier.toLowerCase()");
        });
    }

    @Test
    void problemsPointAtTheStatementThatBreaksTheGrammar() {
        RuleCompiler.Result result = compile(HEADER + """
                rule "Second statement"
                    @section("values")
                when
                    Contact()
                then
                    outcome.propose(kcontext, "SAY", "FIRST", 1);
                    outcome.propose(kcontext, "SAY", "SECOND", 2)
                        .param("n", 1);
                    outcome.entries().clear();
                end
                """);

        assertThat(result.problems()).extracting(Problem::line).containsExactly(12);
    }
}
