package dev.pauta.guidance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codes one locale of a release defines, with their labels in the manual's order; a request may use only these.
 * Immutable.
 */
public record Vocabulary(
        Map<String, String> channels,
        Map<String, String> intents,
        Map<String, List<String>> intentKeywords,
        Map<String, String> tiers,
        Map<String, String> customerTypes,
        Map<String, String> specialNeeds,
        Map<String, String> rejectionReasons) {

    public Vocabulary {
        channels = ordered(channels);
        intents = ordered(intents);
        intentKeywords = ordered(intentKeywords);
        tiers = ordered(tiers);
        customerTypes = ordered(customerTypes);
        specialNeeds = ordered(specialNeeds);
        rejectionReasons = ordered(rejectionReasons);
    }

    public Map<String, Set<String>> codes() {
        return Map.of("channel", channels.keySet(), "intent", intents.keySet(), "tier", tiers.keySet(),
                "customerType", customerTypes.keySet(), "specialNeed", specialNeeds.keySet(), "rejectionReason", rejectionReasons.keySet());
    }

    /** Pages list the choices in the manual's order, so the copy keeps it. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
