package dev.pauta.compliance;

import java.util.List;

/**
 * One forbidden phrase as a policy owner declares it. A word ending in {@code *} matches any ending
 * ("cálme*"), {@code a/b} matches either word; up to {@code maxGap} extra words may stand inside the phrase;
 * a match inside one of the {@code exceptions} is not a violation.
 */
public record PhraseRule(String phrase, String instead, String severity, int maxGap, List<String> exceptions, List<String> intents, String section) {

    public PhraseRule {
        exceptions = List.copyOf(exceptions);
        intents = List.copyOf(intents);
    }
}
