package dev.pauta.bench;

import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import java.nio.file.Path;

/** The bundle folder the benchmarks run on ({@code -Dpauta.bundle-dir}, the repository by default), compiled. */
final class ShippedBundle {

    private ShippedBundle() {
    }

    static Snapshot compile() {
        Bundle bundle = Bundle.fromFolder(Path.of(System.getProperty("pauta.bundle-dir", ".")));
        return new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, "bench", "bench"));
    }
}
