package dev.pauta.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pauta.Fixture;
import dev.pauta.Http;
import dev.pauta.guidance.Decision;
import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.Ledger;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.rules.Compensation;
import dev.pauta.rules.Situation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored schema on a real decision of the fixture release (real Drools compile): the current version loses nothing of
 * a situation or a decision, rows of earlier versions read back without what they never held, and a row is read only in
 * the version it names.
 */
class StoredSchemaTest {

    static final Situation LATE_ORDER = new Situation("en", "CHAT", "ORDER_DELAYED",
            new Situation.Customer("hash:0123", "ANGRY", "GOLD", List.of("HEARING_IMPAIRED")),
            new Situation.Order("O-9", 6, new BigDecimal("120.50"), "EUR"),
            new Situation.Interaction(25, 2, 3, -0.75, "Third time I write, where is my parcel?", "formal"),
            "Calm down, that's not my department.");

    /** A late order from a customer whose coupon is already in the ledger: every list of the decision has entries. */
    static Decision decided() {
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(Fixture.snapshot());
        GuidanceService guidance = new GuidanceService(holder, Ledger.NONE, Clock.systemUTC());
        return guidance.decide(Fixture.snapshot(), LATE_ORDER, List.of(new Compensation(null, "DELAY_COUPON", Instant.now(), "earlier")));
    }

    /** Parameters come back as JSON numbers: compared as JSON, a whole-number Long and Integer are the same value. */
    static JsonNode asJson(Object value) {
        return Http.JSON.readTree(Http.JSON.writeValueAsString(value));
    }

    /** A decision as rows of versions 1 and 2 hold it: without the register, its reason and the words to say, added in version 3. */
    static ObjectNode withoutRegister(Object decision) {
        ObjectNode json = (ObjectNode) asJson(decision);
        json.remove(List.of("register", "registerReason"));
        json.get("actions").forEach(action -> ((ObjectNode) action).remove("say"));
        return json;
    }

    @Test
    void aDecisionWrittenInTheCurrentVersionReadsBackWhole() {
        Decision decision = decided();
        assertThat(decision.register()).isEqualTo("formal");
        assertThat(decision.actions()).anySatisfy(a -> assertThat(a.say()).isNotBlank());
        assertThat(decision.actions()).isNotEmpty();
        assertThat(decision.violations()).isNotEmpty();
        assertThat(decision.explanation().notApplied()).extracting(Decision.NotApplied::code).contains("DELAY_COUPON");

        Decision read = StoredSchema.decision(StoredSchema.CURRENT, StoredSchema.write(decision), decision.decisionId(), decision.release());

        assertThat(asJson(read)).isEqualTo(asJson(decision));
    }

    @Test
    void aSituationWrittenInTheCurrentVersionReadsBackEqual() {
        assertThat(StoredSchema.situation(StoredSchema.CURRENT, StoredSchema.write(LATE_ORDER))).isEqualTo(LATE_ORDER);
        Situation bare = new Situation("es", "PHONE", "OTHER", null, null, null, null);
        assertThat(StoredSchema.situation(StoredSchema.CURRENT, StoredSchema.write(bare))).isEqualTo(bare);
    }

    @Test
    void theIdAndReleaseOfAStoredDecisionAreTheRowsNotCopiesInsideIt() {
        Decision decision = decided();
        JsonNode stored = Http.JSON.readTree(StoredSchema.write(decision));

        assertThat(stored.has("decisionId")).isFalse();
        assertThat(stored.has("release")).isFalse();
        Decision read = StoredSchema.decision(StoredSchema.CURRENT, stored.toString(), "row-id", 42);
        assertThat(read.decisionId()).isEqualTo("row-id");
        assertThat(read.release()).isEqualTo(42);
    }

    @Test
    void aRowIsReadOnlyInTheVersionItNames() {
        Decision decision = decided();
        String current = StoredSchema.write(decision);
        // Version 1 is the Jackson rendering of the records as they were then, with the id and release inside.
        String version1 = withoutRegister(decision).toString();

        assertThat(withoutRegister(StoredSchema.decision(1, version1, decision.decisionId(), decision.release()))).isEqualTo(withoutRegister(decision));
        assertThatThrownBy(() -> StoredSchema.decision(StoredSchema.CURRENT, version1, decision.decisionId(), decision.release()))
                .hasMessageContaining("say");
        assertThatThrownBy(() -> StoredSchema.decision(1, current, decision.decisionId(), decision.release()))
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("decisionId", "register", "say"));
        assertThatThrownBy(() -> StoredSchema.decision(2, current, decision.decisionId(), decision.release()))
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("register", "say"));
        assertThatThrownBy(() -> StoredSchema.situation(StoredSchema.CURRENT, "{\"locale\":\"en\"}")).hasMessageContaining("channel");
    }

    @Test
    void aRowOfVersion2ReadsBackWithoutTheRegisterItNeverHeld() {
        Decision decision = decided();
        ObjectNode version2 = withoutRegister(decision);
        version2.remove(List.of("decisionId", "release"));
        ObjectNode situation = (ObjectNode) asJson(LATE_ORDER);
        ((ObjectNode) situation.get("interaction")).remove("register");

        Decision read = StoredSchema.decision(2, version2.toString(), decision.decisionId(), decision.release());

        assertThat(read.register()).isNull();
        assertThat(read.registerReason()).isNull();
        assertThat(read.actions()).isNotEmpty().allSatisfy(a -> assertThat(a.say()).isNull());
        assertThat(withoutRegister(read)).isEqualTo(withoutRegister(decision));
        assertThat(StoredSchema.situation(2, situation.toString()).interaction().register()).isNull();
        assertThat(StoredSchema.situation(2, situation.toString()).interaction().text()).isEqualTo(LATE_ORDER.interaction().text());
    }

    @Test
    void aRowInAVersionThisReleaseDoesNotKnowIsRefusedNamingTheVersion() {
        assertThatThrownBy(() -> StoredSchema.situation(StoredSchema.CURRENT + 1, StoredSchema.write(LATE_ORDER)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema version " + (StoredSchema.CURRENT + 1));
        assertThatThrownBy(() -> StoredSchema.decision(0, "{}", "id", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("schema version 0");
    }
}
