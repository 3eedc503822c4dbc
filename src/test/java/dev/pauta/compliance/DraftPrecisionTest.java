package dev.pauta.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ShippedSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Measures the draft checker on the labelled drafts in src/test/resources/drafts: every expected phrase, register word or
 * check reported is a hit, every other report a false alarm. A draft with a register is checked in it. Prints precision and
 * recall; fails below 0.95 for either.
 */
class DraftPrecisionTest {

    record Labelled(String text, String channel, String register, Set<String> expect) {
    }

    @SuppressWarnings("unchecked")
    static List<Labelled> drafts(String locale) throws IOException {
        try (InputStream in = DraftPrecisionTest.class.getResourceAsStream("/drafts/drafts-" + locale + ".yaml")) {
            List<Map<String, Object>> raw = new Yaml().load(in);
            return raw.stream().map(m -> new Labelled(String.valueOf(m.get("text")), String.valueOf(m.get("channel")), (String) m.get("register"),
                    Set.copyOf((List<String>) m.get("expect")))).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"es", "en"})
    void draftsAreFlaggedWhenTheyShouldBeAndOnlyThen(String locale) throws IOException {
        DraftChecker checker = ShippedSnapshot.get().checkers().get(locale);
        List<Labelled> drafts = drafts(locale);
        int hits = 0;
        int falseAlarms = 0;
        int missed = 0;
        List<String> wrong = new ArrayList<>();
        for (Labelled draft : drafts) {
            Set<String> reported = new HashSet<>();
            for (Violation v : checker.check(draft.channel(), draft.text(), draft.register())) {
                reported.add(v.check().equals("phrase") || v.check().equals("register") ? v.phrase() : v.check());
            }
            for (String name : reported) {
                if (draft.expect().contains(name)) {
                    hits++;
                } else {
                    falseAlarms++;
                    wrong.add("  false alarm '" + name + "' in: " + draft.text().replace("\n", "\\n"));
                }
            }
            for (String name : draft.expect()) {
                if (!reported.contains(name)) {
                    missed++;
                    wrong.add("  missed '" + name + "' in: " + draft.text().replace("\n", "\\n"));
                }
            }
        }
        double precision = hits / (double) (hits + falseAlarms);
        double recall = hits / (double) (hits + missed);
        long flagged = drafts.stream().filter(d -> !d.expect().isEmpty()).count();
        long inARegister = drafts.stream().filter(d -> d.register() != null).count();
        System.out.printf("Draft checking [%s]: %d drafts (%d must be flagged, %d must not; %d checked in a register), precision %.3f, recall %.3f%n",
                locale, drafts.size(), flagged, drafts.size() - flagged, inARegister, precision, recall);
        wrong.forEach(System.out::println);

        assertThat(flagged).isGreaterThanOrEqualTo(40);
        assertThat(drafts.size() - flagged).isGreaterThanOrEqualTo(40);
        assertThat(inARegister).isGreaterThanOrEqualTo(15);
        assertThat(precision).as("precision in " + locale).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall in " + locale).isGreaterThanOrEqualTo(0.95);
    }
}
