package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.ApiTest;
import dev.pauta.HostileRules;
import dev.pauta.authoring.Authoring;
import dev.pauta.authoring.AuthoringException;
import dev.pauta.authoring.Views;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Problem;
import dev.pauta.rules.Situation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The impact use case as api and pages call it: the change's draft compiled in decisions and replayed against the logged situations. */
@ApiTest
class ChangeImpactTest {

    static final Pattern GOLD_COUPON = Pattern.compile("(\\| \\d+ \\| \\d* ?\\| GOLD \\| )(\\d+)( \\|)");
    static final Pattern OFFERED = Pattern.compile("DELAY_COUPON\\{percent=(\\d+)}");

    @Autowired
    Decisions decisions;
    @Autowired
    Authoring authoring;
    @Autowired
    GuidanceService guidance;

    @Test
    void impactReplaysTheLoggedSituationsOnTheChangesDraftAndOnTheCurrentRelease() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        guidance.decide(lateGoldOrder("C-IMPACT-ENTRY-1"), "test");
        guidance.decide(lateGoldOrder("C-IMPACT-ENTRY-2"), "test");
        long untouched = authoring.createChange("Nothing edited", "test").id();
        long richer = authoring.createChange("Gold coupons one point richer", "test").id();
        // The coupon table is one policy in two languages: both are edited, as validation requires.
        for (String locale : new String[] {"es", "en"}) {
            String path = "manual/" + locale + "/delay-compensation.md";
            Views.DocumentView document = authoring.document(path, null);
            String content = GOLD_COUPON.matcher(document.content())
                    .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + (Integer.parseInt(m.group(2)) + 1) + m.group(3)));
            assertThat(content).isNotEqualTo(document.content());
            authoring.putDocument(richer, path, content, document.revision(), "test");
        }

        Decisions.Impact same = decisions.impact(untouched, from, null, null);
        Decisions.Impact impact = decisions.impact(richer, from, null, null);

        assertThat(same.replayed()).isEqualTo(2);
        assertThat(same.changed()).isZero();
        assertThat(impact.replayed()).isEqualTo(2);
        assertThat(impact.changed()).isEqualTo(2);
        assertThat(impact.examples()).hasSize(2).allSatisfy(example -> {
            int before = offered(example.before());
            assertThat(offered(example.after())).isEqualTo(before + 1);
        });
    }

    @Test
    void impactOfAChangeThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> decisions.impact(987_654_321L, null, null, null)).isInstanceOf(AuthoringException.NotFound.class);
    }

    @Test
    void impactOfADraftTheRuleGrammarRefusesNamesTheFileAndReplaysNothing() {
        HostileRules.clearMarker();
        long change = authoring.createChange("A hostile rule", "test").id();
        authoring.putDocument(change, "rules/hostile.drl", HostileRules.read("class-forname.drl"), 0, "test");

        InvalidBundleException refused = catchThrowableOfType(InvalidBundleException.class, () -> decisions.impact(change, null, null, null));

        assertThat(refused.problems()).extracting(Problem::path).contains("rules/hostile.drl");
        assertThat(HostileRules.MARKER).doesNotExist();
    }

    @Test
    void impactRefusesASampleOutsideItsBounds() {
        long change = authoring.createChange("Bounds", "test").id();

        assertThatThrownBy(() -> decisions.impact(change, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decisions.impact(change, null, null, Decisions.MAX_IMPACT_SAMPLE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(decisions.impact(change, null, null, Decisions.MAX_IMPACT_SAMPLE).changed()).isZero();
    }

    private static Situation lateGoldOrder(String customer) {
        return new Situation("en", "PHONE", "ORDER_DELAYED", new Situation.Customer(customer, null, "GOLD", List.of()),
                new Situation.Order(null, 6, null, null), null, null);
    }

    /** The coupon percent in an impact summary; the replayed situation is a late gold order, so there is one. */
    private static int offered(List<String> summary) {
        return summary.stream().map(OFFERED::matcher).filter(Matcher::find).findFirst()
                .map(m -> Integer.parseInt(m.group(1))).orElseThrow(() -> new AssertionError("no coupon in " + summary));
    }
}
