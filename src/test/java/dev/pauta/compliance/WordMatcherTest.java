package dev.pauta.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.manual.PhrasePattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordMatcherTest {

    private static final List<String> PHRASES = List.of("eso no nos compete", "no es mi problema", "cálme*", "vuelva a llamar", "abogad* demand*/denuncia",
            "that's not my department", "no", "call back later");
    private static final List<String> TEXTS = List.of(
            "Lo siento, eso la verdad no nos compete; vuelva usted a llamar mañana.",
            "Cálmese, no es en absoluto mi problema. Mi abogado le denunciará y le demandará.",
            "THAT’S really NOT my department, please call us back a bit later",
            "no no no es es mi mi problema problema");

    @Test
    void idsMatchExactlyWherePhrasePatternMatchesAtEveryWordAndGap() {
        WordMatcher matcher = new WordMatcher();
        List<PhrasePattern> patterns = PHRASES.stream().map(PhrasePattern::compile).toList();
        List<WordMatcher.Slot[]> compiled = patterns.stream().map(matcher::compile).toList();
        int compared = 0;
        int matched = 0;
        for (String text : TEXTS) {
            List<PhrasePattern.Word> words = PhrasePattern.words(text);
            int[] ids = words.stream().mapToInt(w -> matcher.idOf(w.folded())).toArray();
            for (int p = 0; p < patterns.size(); p++) {
                for (int at = 0; at < words.size(); at++) {
                    for (int gap = 0; gap <= 3; gap++) {
                        int expected = patterns.get(p).matchAt(words, at, gap);
                        assertThat(WordMatcher.matchAt(compiled.get(p), ids, words, at, gap))
                                .as("'%s' at word %d of '%s', gap %d", PHRASES.get(p), at, text, gap)
                                .isEqualTo(expected);
                        compared++;
                        matched += expected >= 0 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(matched).as("matches among the comparisons").isGreaterThan(20);
    }
}
