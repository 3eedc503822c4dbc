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
import org.apache.lucene.document.FieldType;
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
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * A Lucene index of one locale's sections, built once per snapshot and read-only after that.
 * Title and tags weigh more than headings, headings more than the body. User text is analysed
 * into terms, never parsed as query syntax, so no input makes a search fail. Thread-safe.
 */
public final class SectionIndex {

    static final Map<String, Float> FIELDS = new LinkedHashMap<>();
    /** Body text with offsets in the postings, so highlighting needs no second analysis. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }

    static {
        FIELDS.put("title", 4f);
        FIELDS.put("tags", 3f);
        FIELDS.put("headings", 1.5f);
        FIELDS.put("body", 1f);
    }


    private final String locale;
    private final Analyzer queryAnalyzer;
    private final Analyzer indexAnalyzer;
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final FacetsConfig facetsConfig;
    private final UnifiedHighlighter highlighter;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    private final DirectSpellChecker oneEdit = new DirectSpellChecker();
    private final List<Section> byDoc = new ArrayList<>();
    private final List<String> leads = new ArrayList<>();
    private final Map<String, String> corrections = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, TermStates>> termStates;

    /**
     * @param synonymGroups groups of terms searched as one, from the manual's {@code synonyms} table
     */
    public SectionIndex(String locale, List<Section> sections, List<List<String>> synonymGroups) {
        this.locale = locale;
        oneEdit.setMaxEdits(1);
        this.indexAnalyzer = Analysis.forLocale(locale, null);
        this.queryAnalyzer = Analysis.forLocale(locale, Analysis.synonyms(synonymGroups));
        this.facetsConfig = new FacetsConfig();
        facetsConfig.setMultiValued("channel", true);
        Map<String, Analyzer> perField = Map.of("spell", Analysis.plain());
        Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(indexAnalyzer, perField);
        // One buffer per file: term lookups then slice one buffer instead of a list of them.
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Section section : sections) {
                byDoc.add(section);
                leads.add(lead(section.plainText()));
                writer.addDocument(facetsConfig.build(document(section)));
            }
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
            this.facetState = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            this.termStates = termStates(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, indexAnalyzer)
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
                    values.add(new CharSequence[] {byDoc.get(doc).plainText()});
                }
                return values;
            }
        };
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
        doc.add(new Field("body", section.plainText(), BODY));
        doc.add(new TextField("spell", section.title() + "\n" + String.join(" ", section.tags()) + "\n" + section.plainText(), Field.Store.NO));
        doc.add(new StoredField("locale", section.locale()));
        return doc;
    }

    /**
     * Every term of every scored field with its statistics, read once: the index never changes, so queries reuse
     * these instead of seeking the term dictionary (the largest cost of a search on a small index). A term a field
     * does not hold is simply left out of the query.
     */
    private Map<String, Map<String, TermStates>> termStates(DirectoryReader reader) throws IOException {
        Map<String, Map<String, TermStates>> byField = new java.util.HashMap<>();
        IndexReaderContext top = reader.getContext();
        LeafReaderContext leaf = reader.leaves().get(0);
        for (String field : FIELDS.keySet()) {
            Map<String, TermStates> states = new java.util.HashMap<>();
            Terms terms = leaf.reader().terms(field);
            if (terms != null) {
                TermsEnum termsEnum = terms.iterator();
                for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
                    states.put(term.utf8ToString(), new TermStates(top, termsEnum.termState(), leaf.ord, termsEnum.docFreq(), termsEnum.totalTermFreq()));
                }
            }
            byField.put(field, states);
        }
        return byField;
    }

    public String locale() {
        return locale;
    }

    public int size() {
        return byDoc.size();
    }

    public SearchResult search(SearchQuery request) {
        int limit = Math.max(1, Math.min(request.limit(), 100));
        String text = request.text() == null ? "" : request.text();
        String corrected = request.correctTypos() ? corrected(text) : text;
        // Guidance already adds the intent's keywords; expanding synonyms on top would only multiply the terms.
        List<String> terms = request.correctTypos() ? analyze(queryAnalyzer, corrected) : analyze(indexAnalyzer, text);
        Query scoring = scoringQuery(terms);
        Query query = filtered(scoring, request.kind(), request.channel());
        try {
            TopDocs top;
            Map<String, Map<String, Integer>> facetCounts = new LinkedHashMap<>();
            if (request.facets()) {
                FacetsCollector facetsCollector = new FacetsCollector();
                top = FacetsCollector.search(searcher, query, limit, facetsCollector);
                Facets facets = new SortedSetDocValuesFacetCounts(facetState, facetsCollector);
                facetCounts.put("kind", counts(facets, "kind"));
                facetCounts.put("channel", counts(facets, "channel"));
            } else {
                top = searcher.search(query, limit);
            }
            String[] snippets = terms.isEmpty() || !request.highlight() ? new String[top.scoreDocs.length]
                    : highlighter.highlight("body", bodyQuery(terms), top, 2);
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc scoreDoc = top.scoreDocs[i];
                Section section = byDoc.get(scoreDoc.doc);
                String snippet = snippets[i] != null ? snippets[i] : leads.get(scoreDoc.doc);
                Heading heading = request.highlight() ? bestHeading(section, terms) : null;
                hits.add(new SearchHit(section.id(), section.title(), section.kind(), section.locale(), snippet,
                        Float.isNaN(scoreDoc.score) ? 0f : scoreDoc.score, heading == null ? null : heading.text(), heading == null ? null : heading.anchor()));
            }
            long total = top.totalHits.value;
            String suggestion = request.correctTypos() ? suggestion(text, corrected) : null;
            return new SearchResult(total, hits, facetCounts, suggestion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query scoringQuery(List<String> terms) {
        if (terms.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        // One flat list of (field, term) clauses: it scores exactly as a group per term would (clause scores add up),
        // and rewrites and weighs in a fraction of the time.
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : new LinkedHashSet<>(terms)) {
            for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
                TermStates states = termStates.get(field.getKey()).get(term);
                if (states != null && clauses < IndexSearcher.getMaxClauseCount()) {
                    builder.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term), states), field.getValue()), Occur.SHOULD);
                    clauses++;
                }
            }
        }
        return builder.build();
    }

    /**
     * The text with each word the manual never uses replaced by the closest word it does use (one edit for short
     * words, two for long ones). Corrections are remembered: agents repeat their typos, and finding one costs
     * a Levenshtein automaton.
     */
    String corrected(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : analyze(Analysis.plain(), text)) {
            out.append(word.length() < 5 ? word : corrections.computeIfAbsent(word, this::closestWord)).append(' ');
        }
        return out.toString().trim();
    }

    private String closestWord(String word) {
        try {
            if (corrections.size() > 50_000) {
                corrections.clear();
            }
            IndexReader reader = searcher.getIndexReader();
            if (reader.docFreq(new Term("spell", word)) > 0) {
                return word;
            }
            DirectSpellChecker checker = word.length() < 8 ? oneEdit : spellChecker;
            SuggestWord[] similar = checker.suggestSimilar(new Term("spell", word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return similar.length == 0 ? word : similar[0].string;
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

    /** The corrected query when a misspelt word was replaced (the hits are for it), or null. */
    private static String suggestion(String text, String corrected) {
        String plain = String.join(" ", analyze(Analysis.plain(), text));
        return corrected.isBlank() || corrected.equals(plain) ? null : corrected;
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

    /** The opening words as an HTML snippet, escaped like the highlighted ones, so every snippet is safe to put in a page. */
    private static String lead(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return SimpleHTMLEncoder.htmlEncode(flat.length() <= 200 ? flat : flat.substring(0, 200)) + (flat.length() <= 200 ? "" : "…");
    }
}
