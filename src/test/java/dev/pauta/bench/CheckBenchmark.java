package dev.pauta.bench;

import dev.pauta.compliance.ChannelCheck;
import dev.pauta.compliance.DraftChecker;
import dev.pauta.compliance.PhraseRule;
import java.util.ArrayList;
import java.util.List;
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

/** Checking a 2,000-character draft against 500 forbidden phrases (with gaps, prefixes and exceptions) and the channel checks. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CheckBenchmark {

    static final String[] WORDS = ("pedido cliente envío retraso cupón llamar departamento problema empresa política espera hoy mañana "
            + "transportista nuestro su tu eso esto no sí nos compete puedo hacer nada equipo caso fecha entrega disculpa gracias").split(" ");

    private DraftChecker checker;
    private String draft;

    @Setup
    public void setUp() {
        Random random = new Random(7);
        List<PhraseRule> phrases = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int length = 2 + random.nextInt(3);
            StringBuilder phrase = new StringBuilder();
            for (int w = 0; w < length; w++) {
                phrase.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]).append(i % 10 == 0 && w == length - 1 ? "*" : "");
            }
            phrases.add(new PhraseRule(phrase.toString(), "instead", "ERROR", i % 3, i % 7 == 0 ? List.of("no " + phrase) : List.of(), List.of(),
                    "forbidden-phrases"));
        }
        checker = new DraftChecker(phrases, List.of(
                new ChannelCheck("ALL", "shouting", List.of("3"), "WARNING", "", "tone-and-language"),
                new ChannelCheck("EMAIL", "greeting", List.of("hola", "buenos días"), "ERROR", "", "email-protocol"),
                new ChannelCheck("EMAIL", "closing", List.of("un saludo"), "ERROR", "", "email-protocol")));
        StringBuilder text = new StringBuilder("Hola Marta,\n");
        while (text.length() < 1_980) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        draft = text.append("\nUn saludo").toString();
    }

    @Benchmark
    public Object check2000CharsAgainst500Phrases() {
        return checker.check("EMAIL", draft);
    }
}
