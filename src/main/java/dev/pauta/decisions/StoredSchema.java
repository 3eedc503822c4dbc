package dev.pauta.decisions;

import dev.pauta.guidance.Decision;
import dev.pauta.rules.Situation;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision log's stored schema: situations and decisions are written in version {@value #CURRENT} and read back
 * from whichever version their row names. The only place logged JSON becomes records and back, with a mapper of its own,
 * so no application-wide JSON setting changes what is stored. A row must hold exactly its version's fields. Thread-safe.
 */
final class StoredSchema {

    /**
     * 1: the Jackson rendering of the in-memory records, written until the schema was versioned; 2: {@link V2Situation},
     * {@link V2Decision}; 3: {@link StoredSituation}, {@link StoredDecision}, which add the requested register, the
     * decision's register and why, and each action's words to say.
     */
    static final int CURRENT = 3;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private StoredSchema() {
    }

    static String write(Situation situation) {
        return JSON.writeValueAsString(StoredSituation.of(situation));
    }

    static String write(Decision decision) {
        return JSON.writeValueAsString(StoredDecision.of(decision));
    }

    /** An action's parameters as the ledger keeps them next to an accepted offer. */
    static String writeParams(Map<String, Object> params) {
        return JSON.writeValueAsString(params);
    }

    static Situation situation(int version, String stored) {
        return switch (version) {
            case 1 -> JSON.readValue(stored, V1Situation.class).toSituation();
            case 2 -> JSON.readValue(stored, V2Situation.class).toSituation();
            case CURRENT -> JSON.readValue(stored, StoredSituation.class).toSituation();
            default -> throw unknown(version);
        };
    }

    /** The decision of a row, named by the row's id and release columns. */
    static Decision decision(int version, String stored, String decisionId, int release) {
        return switch (version) {
            case 1 -> JSON.readValue(stored, V1Decision.class).toDecision(decisionId, release);
            case 2 -> JSON.readValue(stored, V2Decision.class).toDecision(decisionId, release);
            case CURRENT -> JSON.readValue(stored, StoredDecision.class).toDecision(decisionId, release);
            default -> throw unknown(version);
        };
    }

    private static IllegalStateException unknown(int version) {
        return new IllegalStateException("the decision log holds a row in stored schema version " + version + ", which this release cannot read");
    }
}
