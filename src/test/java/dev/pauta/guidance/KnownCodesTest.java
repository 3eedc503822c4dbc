package dev.pauta.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pauta.Fixture;
import dev.pauta.rules.Situation;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A situation's codes are checked once, before the rules run: a missing code is refused as unknown, like a wrong one. */
class KnownCodesTest {

    private final Snapshot snapshot = Fixture.snapshot();
    private final GuidanceService guidance = new GuidanceService(new SnapshotHolder(), Ledger.NONE, Clock.systemUTC());

    private UnknownCodeException refused(Situation situation) {
        return catchThrowableOfType(UnknownCodeException.class, () -> guidance.decide(snapshot, situation, List.of()));
    }

    @Test
    void aSituationWithoutALocaleChannelOrIntentIsRefusedNamingTheField() {
        assertThat(refused(new Situation(null, "PHONE", "ORDER_DELAYED", null, null, null, null)).field()).isEqualTo("locale");
        assertThat(refused(new Situation("en", null, "ORDER_DELAYED", null, null, null, null)).field()).isEqualTo("channel");
        assertThat(refused(new Situation("en", "PHONE", null, null, null, null, null)).field()).isEqualTo("intent");
    }

    @Test
    void aSituationWithACodeTheLocaleDoesNotDefineIsRefusedListingTheKnownOnes() {
        UnknownCodeException refused = refused(new Situation("en", "PHONE", "ORDER_DELAYED",
                new Situation.Customer(null, null, "PLATINUM", List.of()), null, null, null));

        assertThat(refused.field()).isEqualTo("customer.tier");
        assertThat(refused.known()).isEqualTo(snapshot.vocabularies().get("en").tiers().keySet()).contains("GOLD");
    }
}
