package dev.pauta.guidance;

import dev.pauta.compliance.DraftChecker;
import dev.pauta.manual.Manual;
import dev.pauta.manual.Release;
import dev.pauta.rules.RuleSet;
import dev.pauta.search.SectionIndex;
import java.util.Map;

/**
 * The compiled, in-memory form of one release: sections, rules, search indexes, phrase checkers,
 * vocabulary, scripts, the policy rows rules read and how the centre speaks in each locale. Immutable; a request runs
 * start to end on one snapshot.
 */
public record Snapshot(
        Release release,
        Manual manual,
        RuleSet ruleSet,
        Map<String, SectionIndex> indexes,
        Map<String, DraftChecker> checkers,
        Map<String, Vocabulary> vocabularies,
        Map<String, Map<String, Script>> scripts,
        Map<String, RuleSet.PolicyFacts> policyFacts,
        Map<String, Voice> voices) {

    public java.util.Set<String> locales() {
        return manual.locales();
    }
}
