package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.Problem;
import dev.pauta.rules.Situation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * An ordinary policy edit of the shipped manual, made on a copy as a policy owner makes it: a coupon changed in one
 * locale only is refused naming both files, and changed in every locale it passes once the scenarios that expect the old
 * number are edited, with nothing else. The coupon is the first gold row of the table, whatever its numbers are today. The
 * default register is changed in the settings alone, and every script's words follow without a rule changing.
 */
class ShippedPolicyEditTest {

    private static final String ES = "manual/es/delay-compensation.md";
    private static final String EN = "manual/en/delay-compensation.md";

    @TempDir
    Path folder;

    private BundleCopy copy;

    @BeforeEach
    void copyTheShippedBundle() {
        copy = BundleCopy.ofShipped(folder);
    }

    @Test
    void theShippedManualKeepsTheContractOfItsRules() {
        assertThat(copy.problems()).extracting(Problem::describe).isEmpty();
    }

    @Test
    void aCouponChangedInOneLocaleOnlyIsRefusedNamingBothFilesAndLines() {
        int es = firstGoldRow(ES);
        int en = firstGoldRow(EN);
        int percent = column(EN, "percent");
        String before = copy.cells(EN, en).get(percent);
        String raised = raised(before);
        copy.setCell(ES, es, percent, raised);

        assertThat(copy.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(ES);
            assertThat(p.line()).isEqualTo(es);
            assertThat(p.message()).contains("'percent' of table 'delay-coupons'")
                    .contains(ES + ":" + es + " says " + raised).contains(EN + ":" + en + " says " + before);
            assertThat(p.hint()).contains("translate only the words");
        });
    }

    @Test
    void aCouponChangedInEveryLocalePassesOnceTheScenariosThatExpectTheOldNumberDo() throws IOException {
        int es = firstGoldRow(ES);
        int en = firstGoldRow(EN);
        int percent = column(EN, "percent");
        List<String> band = copy.cells(EN, en);
        String raised = raised(band.get(percent));
        copy.setCell(ES, es, percent, raised);
        copy.setCell(EN, en, percent, raised);

        BundleValidator.Result unchangedScenarios = copy.validate();
        assertThat(unchangedScenarios.snapshot()).isNotNull();
        assertThat(unchangedScenarios.scenariosFailed()).isPositive();
        assertThat(unchangedScenarios.problems()).allSatisfy(p -> assertThat(p.message()).contains("DELAY_COUPON.percent is " + raised + ", expected " + band.get(percent)));

        String maxDays = band.get(column(EN, "maxDays"));
        int adjusted = expectTheRaisedCoupon(Integer.parseInt(band.get(column(EN, "minDays"))), maxDays.isBlank() ? Integer.MAX_VALUE : Integer.parseInt(maxDays),
                "GOLD", band.get(percent), raised);
        BundleValidator.Result result = copy.validate();

        assertThat(adjusted).isEqualTo(unchangedScenarios.scenariosFailed());
        assertThat(result.problems()).extracting(Problem::describe).isEmpty();
        assertThat(result.scenariosFailed()).isZero();
        assertThat(result.scenariosPassed()).isPositive();
    }

    @Test
    void switchingTheDefaultRegisterInTheSettingsChangesEveryScriptWithoutTouchingTheRules() throws IOException {
        String tone = "manual/es/tone-and-language.md";
        int register = copy.line(tone, l -> l.replace(" ", "").equals("|register|tú|"));
        Map<Path, String> rulesBefore = rules();
        copy.setCell(tone, register, 1, "usted");

        BundleValidator.Result result = copy.validate();

        assertThat(result.problems()).allSatisfy(p -> assertThat(p.path()).startsWith("rules/tests/"));
        Snapshot snapshot = result.snapshot();
        assertThat(snapshot).isNotNull();
        assertThat(rules()).isEqualTo(rulesBefore);
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        GuidanceService guidance = new GuidanceService(holder, Ledger.NONE, Clock.systemUTC());
        int said = 0;
        for (String intent : snapshot.vocabularies().get("es").intents().keySet()) {
            Decision decision = guidance.decide(new Situation("es", "CHAT", intent,
                    new Situation.Customer("C-DEFAULT", "FRIENDLY", "STANDARD", List.of()), null, null, null));
            assertThat(decision.register()).isEqualTo("usted");
            for (Decision.Action action : decision.actions()) {
                Script script = snapshot.scripts().get("es").get(action.code());
                if (action.say() != null && script != null) {
                    said++;
                    assertThat(action.say()).as(action.code()).isEqualTo(snapshot.voices().get("es").render(script.says().get("usted"), action.params()));
                }
            }
        }
        assertThat(said).isGreaterThanOrEqualTo(5);
    }

    private Map<Path, String> rules() throws IOException {
        try (Stream<Path> files = Files.walk(copy.root().resolve("rules"))) {
            Map<Path, String> contents = new TreeMap<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                contents.put(copy.root().relativize(file), Files.readString(file));
            }
            return contents;
        }
    }

    private int firstGoldRow(String path) {
        int tier = column(path, "tier");
        return copy.row(path, cells -> cells.size() > tier && cells.get(tier).equals("GOLD"));
    }

    /** The index of a delay-coupons column, found by the key its header names in backticks. */
    private int column(String path, String key) {
        int header = copy.line(path, l -> l.contains("<!-- table: delay-coupons -->")) + 1;
        List<String> cells = copy.cells(path, header);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).contains("`" + key + "`")) {
                return i;
            }
        }
        throw new AssertionError("the delay-coupons table of " + path + " has no column '" + key + "'");
    }

    private static String raised(String percent) {
        return new BigDecimal(percent).add(BigDecimal.valueOf(5)).toPlainString();
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
