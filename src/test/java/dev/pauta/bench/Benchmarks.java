package dev.pauta.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the JMH benchmarks named by the first argument (a regular expression; all when absent). */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : "dev.pauta.bench.*";
        new Runner(new OptionsBuilder().include(include).jvmArgsAppend("-Dpauta.bundle-dir=" + System.getProperty("user.dir")).build()).run();
    }
}
