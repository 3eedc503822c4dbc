package dev.pauta.rules;

import java.util.List;
import java.util.Map;

/** A rule's word that an action code must not be offered, with the script code that says why. */
public record Hold(String code, String reason, String rule, List<String> sections, Map<String, Object> params) {

    public Hold {
        sections = List.copyOf(sections);
        params = Map.copyOf(params);
    }
}
