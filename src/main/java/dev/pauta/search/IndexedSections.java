package dev.pauta.search;

import dev.pauta.manual.Heading;
import dev.pauta.manual.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

/**
 * One locale's sections written into an in-memory Lucene index, and what is read from it once: the searcher, the facet
 * state and every scored term's statistics. Lucene document numbers are positions in the section list. Read-only; thread-safe.
 */
final class IndexedSections {

    /** The scored fields and their weights: title and tags weigh more than headings, headings more than the body. */
    static final Map<String, Float> FIELDS = new LinkedHashMap<>();
    /** Every word of title, tags and body, only lower-cased and folded: the vocabulary spelling corrections are drawn from. */
    static final String SPELL = "spell";
    /** Body text with offsets in the postings, so highlighting needs no second analysis. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
        FIELDS.put("title", 4f);
        FIELDS.put("tags", 3f);
        FIELDS.put("headings", 1.5f);
        FIELDS.put("body", 1f);
    }

    private final List<Section> sections;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final IndexSearcher searcher;
    private final SortedSetDocValuesReaderState facetState;
    private final Map<String, Map<String, TermStates>> termStates;

    IndexedSections(List<Section> sections, Analyzer indexAnalyzer) {
        this.sections = List.copyOf(sections);
        facetsConfig.setMultiValued("channel", true);
        Analyzer analyzer = new PerFieldAnalyzerWrapper(indexAnalyzer, Map.of(SPELL, Analysis.plain()));
        // One buffer per file: term lookups then slice one buffer instead of a list of them.
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
                ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Section section : this.sections) {
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
        doc.add(new TextField(SPELL, section.title() + "\n" + String.join(" ", section.tags()) + "\n" + section.plainText(), Field.Store.NO));
        doc.add(new StoredField("locale", section.locale()));
        return doc;
    }

    /**
     * Every term of every scored field with its statistics, read once: the index never changes, so queries reuse
     * these instead of seeking the term dictionary (the largest cost of a search on a small index).
     */
    private static Map<String, Map<String, TermStates>> termStates(DirectoryReader reader) throws IOException {
        Map<String, Map<String, TermStates>> byField = new HashMap<>();
        IndexReaderContext top = reader.getContext();
        LeafReaderContext leaf = reader.leaves().get(0);
        for (String field : FIELDS.keySet()) {
            Map<String, TermStates> states = new HashMap<>();
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

    IndexSearcher searcher() {
        return searcher;
    }

    IndexReader reader() {
        return searcher.getIndexReader();
    }

    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** The statistics of a term in a scored field, or null when the field never holds it (the term is then left out of the query). */
    TermStates termStates(String field, String term) {
        return termStates.get(field).get(term);
    }

    Section section(int doc) {
        return sections.get(doc);
    }

    int size() {
        return sections.size();
    }
}
