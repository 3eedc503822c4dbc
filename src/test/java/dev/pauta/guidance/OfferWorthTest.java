package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.TestBundles;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import dev.pauta.rules.Evaluation;
import dev.pauta.rules.Hold;
import dev.pauta.rules.Proposal;
import dev.pauta.rules.Situation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offers never stack: the one worth most (the percent it declares) is made, priority breaks a tie, and the explanation says which and why. */
class OfferWorthTest {

    private static final Map<String, Script> SCRIPTS = Map.of(
            GuidanceService.NOT_STACKED, new Script(GuidanceService.NOT_STACKED, "{winnerPercent} from {winnerSection} beats {percent}", "", "delay-compensation"),
            GuidanceService.SAME_WORTH, new Script(GuidanceService.SAME_WORTH, "{percent} like {winner} of {winnerSection}, which comes first", "", "delay-compensation"));
    private static final Function<String, String> TITLES = id -> "Title of " + id;

    private static Proposal offer(String code, int priority, Object percent, String section) {
        return new Proposal("OFFER", code, priority, "rule for " + code, List.of(section), percent == null ? Map.of() : Map.of("percent", percent), null, null);
    }

    private static Proposal say(String code, int priority) {
        return new Proposal("SAY", code, priority, "rule for " + code, List.of("values"), Map.of(), null, null);
    }

    private static List<Proposal> arbitrate(List<Proposal> proposals, List<Hold> holds, List<Decision.NotApplied> notApplied) {
        return GuidanceService.arbitrate(new Evaluation(proposals, holds, List.of()), SCRIPTS, TITLES, notApplied);
    }

    @Test
    void theOfferWorthMoreIsMadeThoughTheOtherHasTheHigherPriority() {
        List<Decision.NotApplied> notApplied = new ArrayList<>();

        List<Proposal> kept = arbitrate(List.of(say("DELAY_APOLOGY", 90), offer("DELAY_COUPON", 80, 5L, "delay-compensation"),
                offer("WAIT_GESTURE", 60, 15L, "long-wait"), say("WAIT_APOLOGY", 95)), List.of(), notApplied);

        assertThat(kept).extracting(Proposal::code).containsExactly("WAIT_APOLOGY", "DELAY_APOLOGY", "WAIT_GESTURE");
        assertThat(notApplied).containsExactly(new Decision.NotApplied("DELAY_COUPON", "15 from Title of long-wait beats 5"));
    }

    @Test
    void offersWorthTheSameGoByPriorityAndTheExplanationSaysSo() {
        List<Decision.NotApplied> notApplied = new ArrayList<>();

        List<Proposal> kept = arbitrate(List.of(offer("WAIT_GESTURE", 60, 10L, "long-wait"), offer("RETENTION_OFFER", 70, 10.0, "cancellation-retention")),
                List.of(), notApplied);

        assertThat(kept).extracting(Proposal::code).containsExactly("RETENTION_OFFER");
        assertThat(notApplied).containsExactly(new Decision.NotApplied("WAIT_GESTURE", "10 like RETENTION_OFFER of Title of cancellation-retention, which comes first"));
    }

    @Test
    void aCodeProposedTwiceKeepsTheProposalWorthMost() {
        List<Decision.NotApplied> notApplied = new ArrayList<>();

        List<Proposal> kept = arbitrate(List.of(offer("DELAY_COUPON", 80, 10L, "delay-compensation"), offer("DELAY_COUPON", 80, 15L, "delay-compensation")),
                List.of(), notApplied);

        assertThat(kept).singleElement().satisfies(p -> assertThat(p.params()).containsEntry("percent", 15L));
        assertThat(notApplied).isEmpty();
    }

    @Test
    void anOfferThatDeclaresNoWorthNeverBeatsOneThatDoes() {
        List<Decision.NotApplied> notApplied = new ArrayList<>();

        List<Proposal> kept = arbitrate(List.of(offer("DELAY_COUPON", 99, null, "delay-compensation"), offer("WAIT_GESTURE", 1, 1L, "long-wait")),
                List.of(), notApplied);

        assertThat(kept).extracting(Proposal::code).containsExactly("WAIT_GESTURE");
        assertThat(notApplied).extracting(Decision.NotApplied::code).containsExactly("DELAY_COUPON");
    }

    @Test
    void aHeldOfferIsNotWeighedAndTheNextOfferWorthMostIsMade() {
        List<Decision.NotApplied> notApplied = new ArrayList<>();
        Hold cap = new Hold("WAIT_GESTURE", "COUPON_CAP_REACHED", "cap", List.of("delay-compensation"), Map.of());

        List<Proposal> kept = arbitrate(List.of(offer("WAIT_GESTURE", 60, 30L, "long-wait"), offer("DELAY_COUPON", 80, 15L, "delay-compensation")),
                List.of(cap), notApplied);

        assertThat(kept).extracting(Proposal::code).containsExactly("DELAY_COUPON");
        assertThat(notApplied).extracting(Decision.NotApplied::code).containsExactly("WAIT_GESTURE");
    }

    @Test
    void inAManualWhereTheWaitGestureIsWorthMoreItIsMadeInsteadOfTheDelayCoupon(@TempDir Path folder) {
        BundleCopy copy = BundleCopy.ofFixture(folder);
        String gesture = "30";
        for (String locale : List.of("es", "en")) {
            String path = "manual/" + locale + "/long-wait.md";
            copy.setCell(path, copy.row(path, cells -> cells.get(0).equals("gesturePercent")), 1, gesture);
        }
        TestBundles.write(copy.root(), "rules/tests/offer-worth.yaml", """
                - name: A wait gesture worth more than the delay coupon is made though the coupon's rule has the higher priority
                  given:
                    locale: es
                    channel: PHONE
                    intent: ORDER_DELAYED
                    customer: { id: C-WORTH-1, tier: GOLD }
                    order: { id: P-WORTH-1, delayDays: 6, value: 80 }
                    interaction: { waitMinutes: 25, text: "Seis días de retraso y veinticinco minutos esperando." }
                  expect:
                    - { code: WAIT_GESTURE, type: OFFER, params: { percent: %s } }
                    - DELAY_APOLOGY
                  absent: [DELAY_COUPON]
                  notApplied: [DELAY_COUPON]
                """.formatted(gesture));
        Bundle bundle = copy.bundle();
        Snapshot snapshot = new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, "test", "gesture worth more"));
        ScenarioRunner runner = new ScenarioRunner();
        List<Scenario> scenarios = new ScenarioReader().read(bundle).scenarios().stream().filter(s -> s.file().endsWith("offer-worth.yaml")).toList();

        Scenario.Result result = runner.run(snapshot, scenarios).results().get(0);
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        GuidanceService guidance = new GuidanceService(holder, Ledger.NONE, Clock.systemUTC());
        Situation lateAfterAWait = scenarios.get(0).given();
        Decision decision = guidance.decide(lateAfterAWait);
        Decision.Action coupon = guidance.decide(new Situation(lateAfterAWait.locale(), lateAfterAWait.channel(), lateAfterAWait.intent(),
                lateAfterAWait.customer(), lateAfterAWait.order(), null, null)).actions().stream().filter(a -> a.code().equals("DELAY_COUPON")).findFirst().orElseThrow();

        assertThat(result.failures()).isEmpty();
        assertThat(decision.explanation().notApplied()).singleElement().satisfies(n -> assertThat(n.why())
                .contains(gesture + " %").contains(coupon.params().get("percent") + " %").contains("«Cuando el cliente ha esperado mucho»").doesNotContain("{"));
    }
}
