package dev.pauta.bench;

import dev.pauta.guidance.Snapshot;
import dev.pauta.manual.Section;
import dev.pauta.search.SearchQuery;
import dev.pauta.search.SectionIndex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Manual search as agents type it: on the shipped manual, and on a generated manual of 10,000 sections. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SearchBenchmark {

    static final String[] QUERIES = {"pedido atrasado cupon", "cliente furioso quiere hablar con jefe", "senora mayor no oye bien",
            "devolver dinero 80 euros", "reembolzo", "darse de baja", "me pasaron 3 veces", "que no debo decir"};

    private SectionIndex shipped;
    private SectionIndex large;
    private int next;

    @Setup
    public void setUp() {
        Snapshot snapshot = ShippedBundle.compile();
        shipped = snapshot.indexes().get("es");
        large = new SectionIndex("es", generated(snapshot.manual().sections("es"), 10_000), List.of());
    }

    /** Sections made of the shipped manual's own sentences, shuffled, so the vocabulary and lengths are realistic. */
    static List<Section> generated(List<Section> source, int count) {
        List<String> sentences = new ArrayList<>();
        for (Section s : source) {
            for (String sentence : s.plainText().split("(?<=[.!?])\\s+")) {
                if (sentence.length() > 20) {
                    sentences.add(sentence);
                }
            }
        }
        Random random = new Random(42);
        List<Section> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Section template = source.get(i % source.size());
            StringBuilder body = new StringBuilder();
            for (int j = 0; j < 25; j++) {
                body.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
            }
            sections.add(new Section(template.id() + "-" + i, template.title() + " " + i, template.kind(), "es", template.channels(), template.tags(),
                    template.owner(), LocalDate.of(2027, 1, 1), "manual/es/generated-" + i + ".md", body.toString(), body.toString(), body.toString(),
                    template.headings(), Map.of()));
        }
        return sections;
    }

    private String query() {
        next = (next + 1) % QUERIES.length;
        return QUERIES[next];
    }

    @Benchmark
    public Object shippedManual() {
        return shipped.search(new SearchQuery(query(), "es", null, null, 10));
    }

    @Benchmark
    public Object tenThousandSections() {
        return large.search(new SearchQuery(query(), "es", null, null, 10));
    }
}
