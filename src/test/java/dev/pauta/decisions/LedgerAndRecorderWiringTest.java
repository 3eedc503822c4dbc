package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.Fixture;
import dev.pauta.guidance.Decision;
import dev.pauta.guidance.DecisionRecorder;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.Ledger;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.Situation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The guidance module as the application scans it, without the decisions module: it does not start without a ledger
 * or a recorder, and with both it reads the one and hands every decision to the other, with no silent fallback.
 */
class LedgerAndRecorderWiringTest {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("dev.pauta.guidance")
    static class GuidanceModule {
    }

    /** Remembers whose entries were asked for and answers with a coupon accepted today. */
    static final class RememberingLedger implements Ledger {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<Compensation> entries(String customerId) {
            asked.add(customerId);
            return List.of(new Compensation(customerId, "DELAY_COUPON", Instant.now(), "earlier"));
        }
    }

    static final class RememberingRecorder implements DecisionRecorder {
        final List<String> recorded = new ArrayList<>();

        @Override
        public void record(Situation situation, Decision decision, String caller) {
            recorded.add(caller + " " + decision.decisionId());
        }
    }

    private final ApplicationContextRunner guidance = new ApplicationContextRunner().withUserConfiguration(GuidanceModule.class);

    @Test
    void guidanceDoesNotStartWithoutALedger() {
        guidance.withBean(DecisionRecorder.class, RememberingRecorder::new).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(NoSuchBeanDefinitionException.class)
                    .hasMessageContaining(Ledger.class.getName());
        });
    }

    @Test
    void guidanceDoesNotStartWithoutARecorder() {
        guidance.withBean(Ledger.class, RememberingLedger::new).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(NoSuchBeanDefinitionException.class)
                    .hasMessageContaining(DecisionRecorder.class.getName());
        });
    }

    @Test
    void withBothGuidanceReadsTheLedgerAndRecordsEveryDecisionItGives() {
        RememberingLedger ledger = new RememberingLedger();
        RememberingRecorder recorder = new RememberingRecorder();
        guidance.withBean(Ledger.class, () -> ledger).withBean(DecisionRecorder.class, () -> recorder).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(SnapshotHolder.class).swap(Fixture.snapshot());
            Situation late = new Situation("en", "PHONE", "ORDER_DELAYED", new Situation.Customer("C-WIRED", null, "GOLD", List.of()),
                    new Situation.Order(null, 6, null, null), null, null);

            Decision decision = context.getBean(GuidanceService.class).decide(late, "crm");

            assertThat(ledger.asked).containsExactly("C-WIRED");
            assertThat(decision.explanation().notApplied()).extracting(Decision.NotApplied::code).contains("DELAY_COUPON");
            assertThat(recorder.recorded).containsExactly("crm " + decision.decisionId());
        });
    }
}
