package dev.pauta.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Typo correction against the words one index holds: each word the manual never uses is replaced by the closest word it
 * does use (one edit for short words, two for long ones). Corrections are remembered in a bounded cache: agents repeat
 * their typos, and finding one costs a Levenshtein automaton. Thread-safe.
 */
final class Spelling {

    static final int REMEMBERED = 50_000;
    /** Words shorter than this are searched as typed. */
    private static final int SHORTEST_CORRECTED = 5;
    /** Words shorter than this get at most one edit. */
    private static final int TWO_EDITS_FROM = 8;

    private final IndexReader reader;
    private final Analyzer plain = Analysis.plain();
    private final DirectSpellChecker twoEdits = new DirectSpellChecker();
    private final DirectSpellChecker oneEdit = new DirectSpellChecker();
    private final Cache<String, String> corrections;

    Spelling(IndexReader reader, int remembered) {
        this.reader = reader;
        this.corrections = Caffeine.newBuilder().maximumSize(remembered).build();
        oneEdit.setMaxEdits(1);
    }

    /** The text's words, lower-cased and folded, each misspelt one replaced by its correction. */
    String corrected(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : Analysis.analyze(plain, text)) {
            out.append(word.length() < SHORTEST_CORRECTED ? word : corrections.get(word, this::closestWord)).append(' ');
        }
        return out.toString().trim();
    }

    /** The corrected query when a misspelt word was replaced (the hits are for it), or null. */
    String suggestion(String text, String corrected) {
        String typed = String.join(" ", Analysis.analyze(plain, text));
        return corrected.isBlank() || corrected.equals(typed) ? null : corrected;
    }

    /** How many corrections are remembered now. */
    long remembered() {
        corrections.cleanUp();
        return corrections.estimatedSize();
    }

    private String closestWord(String word) {
        try {
            Term term = new Term(IndexedSections.SPELL, word);
            if (reader.docFreq(term) > 0) {
                return word;
            }
            DirectSpellChecker checker = word.length() < TWO_EDITS_FROM ? oneEdit : twoEdits;
            SuggestWord[] similar = checker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return similar.length == 0 ? word : similar[0].string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
