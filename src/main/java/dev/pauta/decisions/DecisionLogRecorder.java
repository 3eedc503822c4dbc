package dev.pauta.decisions;

import dev.pauta.guidance.Decision;
import dev.pauta.guidance.DecisionRecorder;
import dev.pauta.rules.Situation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Records every decision guidance gives: counted in the metrics and, unless logging is off, masked, written in the
 * current stored schema and appended to the log before the caller is answered. Thread-safe.
 */
final class DecisionLogRecorder implements DecisionRecorder {

    private final DecisionLog log;
    private final CustomerKeys keys;
    private final DecisionsProperties properties;
    private final Clock clock;
    private final Counter decisions;
    private final Timer latency;
    private final DistributionSummary rulesFired;

    DecisionLogRecorder(DecisionLog log, CustomerKeys keys, DecisionsProperties properties, Clock clock, MeterRegistry meters) {
        this.log = log;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.decisions = Counter.builder("pauta.decisions").description("guidance decisions made").register(meters);
        this.latency = Timer.builder("pauta.decision.latency").description("time to decide, without logging").publishPercentileHistogram().register(meters);
        this.rulesFired = DistributionSummary.builder("pauta.rules.fired").description("rules fired per decision").register(meters);
    }

    @Override
    public void record(Situation situation, Decision decision, String caller) {
        decisions.increment();
        latency.record(decision.explanation().tookMicros(), TimeUnit.MICROSECONDS);
        rulesFired.record(decision.explanation().rulesFired().size());
        if (properties.logging()) {
            log.append(new DecisionRecord(decision.decisionId(), clock.instant(), decision.release(), caller, keys.of(situation.customer().id()),
                    situation.locale(), situation.channel(), situation.intent(), StoredSchema.CURRENT, StoredSchema.write(masked(situation)),
                    StoredSchema.write(decision), decision.explanation().tookMicros()));
        }
    }

    private Situation masked(Situation s) {
        Situation.Customer c = s.customer();
        Situation.Customer customer = new Situation.Customer(mask("customer.id", c.id()), c.type(), c.tier(), c.specialNeeds());
        Situation.Order o = s.order();
        Situation.Order order = o == null ? null : new Situation.Order(mask("order.id", o.id()), o.delayDays(), o.value(), o.currency());
        Situation.Interaction i = s.interaction();
        Situation.Interaction interaction = new Situation.Interaction(i.waitMinutes(), i.transfers(), i.contactsAboutIssue(), i.sentiment(),
                mask("interaction.text", i.text()), i.register());
        return new Situation(s.locale(), s.channel(), s.intent(), customer, order, interaction, mask("draft", s.draft()));
    }

    private String mask(String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (properties.maskOf(field)) {
            case KEEP -> value;
            case HASH -> "hash:" + keys.of(value);
            case DROP -> null;
        };
    }
}
