package dev.pauta.search;

import dev.pauta.manual.Heading;
import dev.pauta.manual.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * What a hit shows: passages of the body with the query's terms marked, or the section's opening words when none
 * match, and the heading inside the section that matched best. Every snippet is HTML-escaped. Thread-safe.
 */
final class Snippets {

    private static final int LEAD_CHARS = 200;

    private final IndexedSections index;
    private final Analyzer indexAnalyzer;
    private final UnifiedHighlighter highlighter;
    private final List<String> leads = new ArrayList<>();

    Snippets(IndexedSections index, Analyzer indexAnalyzer) {
        this.index = index;
        this.indexAnalyzer = indexAnalyzer;
        for (int doc = 0; doc < index.size(); doc++) {
            leads.add(lead(index.section(doc).plainText()));
        }
        this.highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(index.searcher(), indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(20_000)
                // Plain term offsets from the postings and breaks at spaces: snippets in tens of microseconds, not milliseconds.
                .withWeightMatches(false)
                .withHighlightPhrasesStrictly(false)
                .withPassageRelevancyOverSpeed(false)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator(' '), 180, 0.5f))) {
            // The text is already in memory; reading it back from stored fields would only decompress it again.
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    values.add(new CharSequence[] {index.section(doc).plainText()});
                }
                return values;
            }
        };
    }

    /** Up to two marked passages of each hit's body, null where the body holds none of the terms. */
    String[] highlighted(List<String> terms, TopDocs top) {
        if (terms.isEmpty()) {
            return new String[top.scoreDocs.length];
        }
        try {
            return highlighter.highlight("body", bodyQuery(terms), top, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section's opening words, escaped like the highlighted passages. */
    String lead(int doc) {
        return leads.get(doc);
    }

    /** The heading whose words share most terms with the query, so a hit can point inside the section; null when none does. */
    Heading bestHeading(Section section, List<String> terms) {
        if (terms.isEmpty()) {
            return null;
        }
        Heading best = null;
        int bestScore = 0;
        Set<String> wanted = Set.copyOf(terms);
        for (Heading heading : section.headings()) {
            if (heading.level() == 1) {
                continue;
            }
            int score = (int) Analysis.analyze(indexAnalyzer, heading.text()).stream().filter(wanted::contains).count();
            if (score > bestScore) {
                bestScore = score;
                best = heading;
            }
        }
        return best;
    }

    private static Query bodyQuery(List<String> terms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        new LinkedHashSet<>(terms).forEach(t -> builder.add(new TermQuery(new Term("body", t)), Occur.SHOULD));
        return builder.build();
    }

    private static String lead(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        boolean cut = flat.length() > LEAD_CHARS;
        return SimpleHTMLEncoder.htmlEncode(cut ? flat.substring(0, LEAD_CHARS) : flat) + (cut ? "…" : "");
    }
}
