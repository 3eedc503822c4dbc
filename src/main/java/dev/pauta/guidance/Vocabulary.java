package dev.pauta.guidance;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The codes one locale of a release defines, with their labels; a request may use only these. */
public record Vocabulary(
        Map<String, String> channels,
        Map<String, String> intents,
        Map<String, List<String>> intentKeywords,
        Map<String, String> tiers,
        Map<String, String> customerTypes,
        Map<String, String> specialNeeds) {

    public Map<String, Set<String>> codes() {
        return Map.of("channel", channels.keySet(), "intent", intents.keySet(), "tier", tiers.keySet(),
                "customerType", customerTypes.keySet(), "specialNeed", specialNeeds.keySet());
    }
}
