package dev.pauta.compliance;

import dev.pauta.manual.PhrasePattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases compiled to integer word ids, so matching a draft compares numbers, not strings. Every exact word of
 * every phrase gets an id; a draft word the phrases never use gets none and can only match a prefix ("cálme*").
 * Immutable after construction; thread-safe.
 */
final class WordMatcher {

    static final int UNKNOWN = -1;

    /** One word position of a phrase: the exact words (by id) and the prefixes it accepts. */
    record Slot(int[] ids, String[] prefixes) {
        boolean accepts(int id, String word) {
            for (int candidate : ids) {
                if (candidate == id) {
                    return true;
                }
            }
            for (String prefix : prefixes) {
                if (word.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<String, Integer> ids = new HashMap<>();

    Slot[] compile(PhrasePattern pattern) {
        return pattern.slots().stream().map(alternatives -> {
            List<Integer> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (String alternative : alternatives) {
                if (alternative.endsWith("*")) {
                    prefixes.add(alternative.substring(0, alternative.length() - 1));
                } else {
                    exact.add(ids.computeIfAbsent(alternative, k -> ids.size()));
                }
            }
            return new Slot(exact.stream().mapToInt(Integer::intValue).toArray(), prefixes.toArray(String[]::new));
        }).toArray(Slot[]::new);
    }

    int idOf(String folded) {
        return ids.getOrDefault(folded, UNKNOWN);
    }

    /** Index of the last word of a match starting at {@code at}, or -1; up to {@code maxGap} extra words may stand inside. */
    static int matchAt(Slot[] slots, int[] draftIds, List<PhrasePattern.Word> words, int at, int maxGap) {
        // PhrasePattern.matchAt's walk, over ids: one generic walk for both (tried) made CheckBenchmark 10-28% slower, so WordMatcherTest keeps the two alike.
        if (slots.length == 0 || at >= draftIds.length || !slots[0].accepts(draftIds[at], words.get(at).folded())) {
            return -1;
        }
        int position = at;
        int gapsLeft = maxGap;
        for (int p = 1; p < slots.length; p++) {
            int next = position + 1;
            while (next < draftIds.length && !slots[p].accepts(draftIds[next], words.get(next).folded())) {
                if (gapsLeft == 0) {
                    return -1;
                }
                gapsLeft--;
                next++;
            }
            if (next >= draftIds.length) {
                return -1;
            }
            position = next;
        }
        return position;
    }
}
