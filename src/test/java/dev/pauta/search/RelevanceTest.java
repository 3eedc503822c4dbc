package dev.pauta.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pauta.ShippedSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Measures search on the judged query sets in src/test/resources/relevance (queries written the way agents type:
 * colloquial, misspelt, without accents). Prints MRR@5 and recall@3 and fails below 0.85 and 0.90.
 */
class RelevanceTest {

    record Judged(String q, List<String> relevant) {
    }

    @SuppressWarnings("unchecked")
    static List<Judged> queries(String locale) throws IOException {
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/queries-" + locale + ".yaml")) {
            List<Map<String, Object>> raw = new Yaml().load(in);
            return raw.stream().map(m -> new Judged(String.valueOf(m.get("q")), (List<String>) m.get("relevant"))).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"es", "en"})
    void agentsFindTheSectionsThatAnswerThem(String locale) throws IOException {
        SectionIndex index = ShippedSnapshot.get().indexes().get(locale);
        List<Judged> queries = queries(locale);
        double reciprocalRanks = 0;
        double recall = 0;
        List<String> misses = new ArrayList<>();
        for (Judged judged : queries) {
            List<String> top = index.search(new SearchQuery(judged.q(), locale, null, null, 5)).hits().stream().map(SearchHit::id).toList();
            int rank = 0;
            for (int i = 0; i < top.size(); i++) {
                if (judged.relevant().contains(top.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
            List<String> top3 = top.subList(0, Math.min(3, top.size()));
            recall += (double) judged.relevant().stream().filter(top3::contains).count() / judged.relevant().size();
            if (rank != 1) {
                misses.add("  " + judged.q() + " → " + top + " (judged " + judged.relevant() + ")");
            }
        }
        double mrr = reciprocalRanks / queries.size();
        double recallAt3 = recall / queries.size();
        System.out.printf("Search relevance [%s]: %d queries, MRR@5 %.3f, recall@3 %.3f%n", locale, queries.size(), mrr, recallAt3);
        misses.forEach(System.out::println);

        assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(mrr).as("MRR@5 in " + locale).isGreaterThanOrEqualTo(0.85);
        assertThat(recallAt3).as("recall@3 in " + locale).isGreaterThanOrEqualTo(0.90);
    }
}
