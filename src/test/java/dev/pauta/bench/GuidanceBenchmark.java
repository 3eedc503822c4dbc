package dev.pauta.bench;

import dev.pauta.guidance.GuidanceService;
import dev.pauta.guidance.Ledger;
import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.rules.Situation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One full guidance decision in-process on the shipped bundle: rules, words, avoid list, search and draft check. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class GuidanceBenchmark {

    private GuidanceService service;
    private Situation contractExample;

    @Setup
    public void setUp() {
        Snapshot snapshot = ShippedBundle.compile();
        SnapshotHolder holder = new SnapshotHolder();
        holder.swap(snapshot);
        service = new GuidanceService(holder, Ledger.NONE, Clock.systemUTC());
        contractExample = new Situation("es", "PHONE", "ORDER_DELAYED",
                new Situation.Customer("C-1042", "DEMANDING", "GOLD", List.of("ELDERLY")),
                new Situation.Order("O-77", 6, new BigDecimal("120.50"), "EUR"),
                new Situation.Interaction(19, 1, 2, -0.4, "Es la segunda vez que llamo y mi pedido sigue sin llegar"),
                "Lo siento, eso no nos compete.");
    }

    @Benchmark
    public Object fullDecision() {
        return service.decide(contractExample);
    }
}
