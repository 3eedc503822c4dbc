package dev.pauta.search;

import dev.pauta.manual.Accents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/** Per-locale analysis: lower-casing, accent folding, stop words, light stemming; synonyms at query time only. */
final class Analysis {

    private Analysis() {
    }

    /** The analyzer for indexed text, and for queries when {@code synonyms} is null. */
    static Analyzer forLocale(String locale, SynonymMap synonyms) {
        CharArraySet stopWords = foldedStopWords(locale);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                if (locale.startsWith("en")) {
                    stream = new EnglishPossessiveFilter(stream);
                }
                stream = new ASCIIFoldingFilter(stream);
                if (synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new StopFilter(stream, stopWords);
                if (locale.startsWith("es")) {
                    stream = new SpanishLightStemFilter(stream);
                } else if (locale.startsWith("en")) {
                    stream = new EnglishMinimalStemFilter(stream);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Lower-casing and folding only: the vocabulary spelling suggestions are drawn from. */
    static Analyzer plain() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
            }
        };
    }

    /** Each group of equivalent terms maps every member to every other; multi-word terms are kept whole. */
    static SynonymMap synonyms(List<List<String>> groups) {
        try {
            SynonymMap.Builder builder = new SynonymMap.Builder(true);
            for (List<String> group : groups) {
                for (String a : group) {
                    for (String b : group) {
                        if (!a.equals(b)) {
                            builder.add(phrase(a), phrase(b), true);
                        }
                    }
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef phrase(String text) {
        String[] words = Accents.fold(text).trim().split("[^\\p{L}\\p{N}]+");
        return SynonymMap.Builder.join(words, new CharsRefBuilder());
    }

    private static CharArraySet foldedStopWords(String locale) {
        CharArraySet source = locale.startsWith("es") ? SpanishAnalyzer.getDefaultStopSet()
                : locale.startsWith("en") ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET : CharArraySet.EMPTY_SET;
        CharArraySet folded = new CharArraySet(source.size(), false);
        for (Object word : source) {
            folded.add(Accents.fold(new String((char[]) word)));
        }
        return folded;
    }

    /** The terms an analyzer makes of a text, in order. */
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
}
