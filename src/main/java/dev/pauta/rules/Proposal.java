package dev.pauta.rules;

import java.util.List;
import java.util.Map;

/**
 * An action a rule proposes: a type and a code with parameters, never words.
 *
 * @param text   words taken from a policy-table row the rule matched, or {@code null} to use the manual's script
 * @param script the scripts code that supplies the words and the reason, or {@code null} for the action code itself
 */
public record Proposal(String type, String code, int priority, String rule, List<String> sections, Map<String, Object> params, String text, String script) {

    public Proposal {
        sections = List.copyOf(sections);
        params = Map.copyOf(params);
    }
}
