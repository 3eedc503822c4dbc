package dev.pauta.search;

import dev.pauta.manual.Heading;
import dev.pauta.manual.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A Lucene index of one locale's sections, built once per snapshot and read-only after that.
 * Title and tags weigh more than headings, headings more than the body. User text is analysed
 * into terms, never parsed as query syntax, so no input makes a search fail. Thread-safe.
 */
public final class SectionIndex {

    static final Map<String, Float> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("title", 4f);
        FIELDS.put("tags", 3f);
        FIELDS.put("headings", 1.5f);
        FIELDS.put("body", 1f);
    }

    static final float FUZZY_WEIGHT = 0.5f;

    private final String locale;
    private final Analyzer queryAnalyzer;
    private final Analyzer indexAnalyzer;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetsConfig facetsConfig;
    private final UnifiedHighlighter highlighter;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    private final Map<String, Section> sections = new LinkedHashMap<>();

    /**
     * @param synonymGroups groups of terms searched as one, from the manual's {@code synonyms} table
     */
    public SectionIndex(String locale, List<Section> sections, List<List<String>> synonymGroups) {
        this.locale = locale;
        this.indexAnalyzer = Analysis.forLocale(locale, null);
        this.queryAnalyzer = Analysis.forLocale(locale, Analysis.synonyms(synonymGroups));
        this.facetsConfig = new FacetsConfig();
        facetsConfig.setMultiValued("channel", true);
        Map<String, Analyzer> perField = Map.of("spell", Analysis.plain());
        Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(indexAnalyzer, perField);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Section section : sections) {
                this.sections.put(section.id(), section);
                writer.addDocument(facetsConfig.build(document(section)));
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(20_000)
                .withBreakIterator(() -> org.apache.lucene.search.uhighlight.LengthGoalBreakIterator.createClosestToLength(
                        java.text.BreakIterator.getWordInstance(java.util.Locale.ROOT), 180, 0.5f))
                .build();
    }

    private static Document document(Section section) {
        Document doc = new Document();
        doc.add(new StringField("id", section.id(), Field.Store.YES));
        doc.add(new StringField("kind", section.kind(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField("kind", section.kind()));
        for (String channel : section.channels()) {
            doc.add(new StringField("channel", channel, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("channel", channel));
        }
        doc.add(new TextField("title", section.title(), Field.Store.YES));
        doc.add(new TextField("tags", String.join(", ", section.tags()), Field.Store.NO));
        doc.add(new TextField("headings", String.join("\n", section.headings().stream().map(Heading::text).toList()), Field.Store.NO));
        doc.add(new TextField("body", section.plainText(), Field.Store.YES));
        doc.add(new TextField("spell", section.title() + "\n" + String.join(" ", section.tags()) + "\n" + section.plainText(), Field.Store.NO));
        doc.add(new StoredField("locale", section.locale()));
        return doc;
    }

    public String locale() {
        return locale;
    }

    public int size() {
        return sections.size();
    }

    public SearchResult search(SearchQuery request) {
        int limit = Math.max(1, Math.min(request.limit(), 100));
        List<String> terms = analyze(queryAnalyzer, request.text() == null ? "" : request.text());
        Query scoring = scoringQuery(terms);
        Query query = filtered(scoring, request.kind(), request.channel());
        try {
            FacetsCollector facetsCollector = new FacetsCollector();
            TopDocs top = FacetsCollector.search(searcher, query, limit, facetsCollector);
            Facets facets = new SortedSetDocValuesFacetCounts(facetState, facetsCollector);
            Map<String, Map<String, Integer>> facetCounts = new LinkedHashMap<>();
            facetCounts.put("kind", counts(facets, "kind"));
            facetCounts.put("channel", counts(facets, "channel"));

            String[] snippets = terms.isEmpty() ? new String[top.scoreDocs.length]
                    : highlighter.highlight("body", bodyQuery(terms), top, 2);
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Document doc = searcher.storedFields().document(scoreDoc.doc);
                Section section = sections.get(doc.get("id"));
                String snippet = snippets[i] != null ? snippets[i] : lead(section.plainText());
                Heading heading = bestHeading(section, terms);
                hits.add(new SearchHit(section.id(), section.title(), section.kind(), section.locale(), snippet,
                        Float.isNaN(scoreDoc.score) ? 0f : scoreDoc.score, heading == null ? null : heading.text(), heading == null ? null : heading.anchor()));
            }
            long total = top.totalHits.value;
            String suggestion = total < 3 ? suggest(request.text()) : null;
            return new SearchResult(total, hits, facetCounts, suggestion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query scoringQuery(List<String> terms) {
        if (terms.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String term : new LinkedHashSet<>(terms)) {
            BooleanQuery.Builder perTerm = new BooleanQuery.Builder();
            boolean known = isKnown(term);
            FIELDS.forEach((field, boost) -> {
                Term t = new Term(field, term);
                // A word the manual never uses is most likely misspelt: match the manual's words within two edits instead.
                Query q = known ? new TermQuery(t) : new FuzzyQuery(t, 2, 1, 20, true);
                perTerm.add(new BoostQuery(q, known ? boost : boost * FUZZY_WEIGHT), Occur.SHOULD);
            });
            builder.add(perTerm.build(), Occur.SHOULD);
        }
        return builder.build();
    }

    private boolean isKnown(String term) {
        try {
            for (String field : FIELDS.keySet()) {
                if (searcher.getIndexReader().docFreq(new Term(field, term)) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query bodyQuery(List<String> terms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        new LinkedHashSet<>(terms).forEach(t -> builder.add(new TermQuery(new Term("body", t)), Occur.SHOULD));
        return builder.build();
    }

    private static Query filtered(Query scoring, String kind, String channel) {
        if (kind == null && channel == null) {
            return scoring;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(scoring, Occur.MUST);
        if (kind != null) {
            builder.add(new TermQuery(new Term("kind", kind)), Occur.FILTER);
        }
        if (channel != null) {
            builder.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("channel", channel)), Occur.SHOULD)
                    .add(new TermQuery(new Term("channel", "ALL")), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        return builder.build();
    }

    private static Map<String, Integer> counts(Facets facets, String dimension) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            FacetResult result = facets.getTopChildren(50, dimension);
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    counts.put(lv.label, lv.value.intValue());
                }
            }
        } catch (IllegalArgumentException noSuchDimension) {
            // a manual with no section in that dimension has nothing to count
        }
        return counts;
    }

    /** The heading whose words share most terms with the query, so a hit can point inside the section. */
    private Heading bestHeading(Section section, List<String> terms) {
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
            int score = (int) analyze(indexAnalyzer, heading.text()).stream().filter(wanted::contains).count();
            if (score > bestScore) {
                bestScore = score;
                best = heading;
            }
        }
        return best;
    }

    /** Rewrites each unknown word to the closest word of the manual's own vocabulary, or null when nothing is better. */
    String suggest(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            List<String> words = analyze(Analysis.plain(), text);
            boolean changed = false;
            List<String> out = new ArrayList<>();
            for (String word : words) {
                String replacement = word;
                if (word.length() > 3 && searcher.getIndexReader().docFreq(new Term("spell", word)) == 0) {
                    SuggestWord[] similar = spellChecker.suggestSimilar(new Term("spell", word), 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (similar.length > 0) {
                        replacement = similar[0].string;
                        changed = true;
                    }
                }
                out.add(replacement);
            }
            return changed ? String.join(" ", out) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static String lead(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
