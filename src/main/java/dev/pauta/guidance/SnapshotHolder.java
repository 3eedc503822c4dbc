package dev.pauta.guidance;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The snapshot being served; swapped whole, so a request keeps the snapshot it started with. Thread-safe. */
public final class SnapshotHolder {

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    public Snapshot current() {
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            throw new IllegalStateException("no snapshot is loaded yet");
        }
        return snapshot;
    }

    public Optional<Snapshot> maybeCurrent() {
        return Optional.ofNullable(current.get());
    }

    public void swap(Snapshot next) {
        current.set(next);
    }
}
