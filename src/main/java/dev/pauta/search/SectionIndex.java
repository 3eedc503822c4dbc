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
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Search over one locale's sections, built once per snapshot and read-only after that: the index
 * ({@link IndexedSections}), typo correction ({@link Spelling}) and snippets ({@link Snippets}) put together.
 * User text is analysed into terms, never parsed as query syntax, so no input makes a search fail. Thread-safe.
 */
public final class SectionIndex {

    private final String locale;
    private final Analyzer queryAnalyzer;
    private final Analyzer indexAnalyzer;
    private final IndexedSections index;
    private final Spelling spelling;
    private final Snippets snippets;

    /**
     * @param synonymGroups groups of terms searched as one, from the manual's {@code synonyms} table
     */
    public SectionIndex(String locale, List<Section> sections, List<List<String>> synonymGroups) {
        this.locale = locale;
        this.indexAnalyzer = Analysis.forLocale(locale, null);
        this.queryAnalyzer = Analysis.forLocale(locale, Analysis.synonyms(synonymGroups));
        this.index = new IndexedSections(sections, indexAnalyzer);
        this.spelling = new Spelling(index.reader(), Spelling.REMEMBERED);
        this.snippets = new Snippets(index, indexAnalyzer);
    }

    public String locale() {
        return locale;
    }

    public int size() {
        return index.size();
    }

    public SearchResult search(SearchQuery request) {
        int limit = Math.max(1, Math.min(request.limit(), 100));
        String text = request.text() == null ? "" : request.text();
        String corrected = request.correctTypos() ? spelling.corrected(text) : text;
        // Guidance already adds the intent's keywords; expanding synonyms on top would only multiply the terms.
        List<String> terms = request.correctTypos() ? Analysis.analyze(queryAnalyzer, corrected) : Analysis.analyze(indexAnalyzer, text);
        Query query = filtered(scoringQuery(terms), request.kind(), request.channel());
        try {
            TopDocs top;
            Map<String, Map<String, Integer>> facetCounts = new LinkedHashMap<>();
            if (request.facets()) {
                FacetsCollector facetsCollector = new FacetsCollector();
                top = FacetsCollector.search(index.searcher(), query, limit, facetsCollector);
                Facets facets = new SortedSetDocValuesFacetCounts(index.facetState(), facetsCollector);
                facetCounts.put("kind", counts(facets, "kind"));
                facetCounts.put("channel", counts(facets, "channel"));
            } else {
                top = index.searcher().search(query, limit);
            }
            String suggestion = request.correctTypos() ? spelling.suggestion(text, corrected) : null;
            return new SearchResult(top.totalHits.value, hits(top, terms, request.highlight()), facetCounts, suggestion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SearchHit> hits(TopDocs top, List<String> terms, boolean highlight) {
        String[] passages = highlight ? snippets.highlighted(terms, top) : new String[top.scoreDocs.length];
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = top.scoreDocs[i];
            Section section = index.section(scoreDoc.doc);
            String snippet = passages[i] != null ? passages[i] : snippets.lead(scoreDoc.doc);
            Heading heading = highlight ? snippets.bestHeading(section, terms) : null;
            hits.add(new SearchHit(section.id(), section.title(), section.kind(), section.locale(), snippet,
                    Float.isNaN(scoreDoc.score) ? 0f : scoreDoc.score, heading == null ? null : heading.text(), heading == null ? null : heading.anchor()));
        }
        return hits;
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
            for (Map.Entry<String, Float> field : IndexedSections.FIELDS.entrySet()) {
                TermStates states = index.termStates(field.getKey(), term);
                if (states != null && clauses < IndexSearcher.getMaxClauseCount()) {
                    builder.add(new BoostQuery(new TermQuery(new Term(field.getKey(), term), states), field.getValue()), Occur.SHOULD);
                    clauses++;
                }
            }
        }
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
}
