package dev.pauta;

import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;

/** The shipped bundle compiled once per test JVM, for tests that need a snapshot but no server. */
public final class ShippedSnapshot {

    private static Snapshot snapshot;

    private ShippedSnapshot() {
    }

    public static synchronized Snapshot get() {
        if (snapshot == null) {
            Bundle bundle = Bundle.fromFolder(TestBundles.shipped());
            snapshot = new SnapshotCompiler(1000).compile(bundle, new Release(1, bundle.hash(), null, "test", "shipped bundle"));
        }
        return snapshot;
    }
}
