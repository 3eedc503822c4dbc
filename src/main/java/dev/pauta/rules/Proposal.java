package dev.pauta.rules;

import java.util.List;
import java.util.Map;

/**
 * An action a rule proposes: a type and a code with parameters, never words.
 *
 * @param text words taken from a policy-table row the rule matched, or {@code null} to use the manual's script for the code
 */
public record Proposal(String type, String code, int priority, String rule, List<String> sections, Map<String, Object> params, String text) {

    public Proposal {
        sections = List.copyOf(sections);
        params = Map.copyOf(params);
    }
}
