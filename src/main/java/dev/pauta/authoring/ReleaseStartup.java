package dev.pauta.authoring;

import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotCompiler;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.Release;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts the current release in the holder before the server takes requests; an empty database first imports the bundle folder as release 1. */
final class ReleaseStartup {

    private static final Logger log = LoggerFactory.getLogger(ReleaseStartup.class);
    private static final String IMPORT_MESSAGE = "Import of the shipped manual and rules";

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final SnapshotCompiler compiler;
    private final SnapshotHolder holder;
    private final Clock clock;

    ReleaseStartup(AuthoringStore store, TransactionTemplate tx, SnapshotCompiler compiler, SnapshotHolder holder, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.compiler = compiler;
        this.holder = holder;
        this.clock = clock;
    }

    void load(Bundle folder) {
        Integer current = store.currentReleaseNumber().orElse(null);
        if (current == null) {
            importFolder(folder);
            return;
        }
        Views.ReleaseView release = store.release(current).orElseThrow();
        Bundle bundle = store.bundle(current);
        if (!bundle.hash().equals(release.hash()) || bundle.documents().size() != release.documents()) {
            throw new IllegalStateException("release " + current + " in the database is incomplete: its documents do not match its hash");
        }
        holder.swap(compiler.compile(bundle, new Release(current, release.hash(), release.createdAt(), release.author(), release.message())));
        log.info("Serving release {} from the database ({} documents)", current, bundle.documents().size());
    }

    /** Compiled before anything is written, so a folder that does not compile leaves the database empty. */
    private void importFolder(Bundle folder) {
        Snapshot snapshot = compiler.compile(folder, new Release(1, folder.hash(), clock.instant(), "system", IMPORT_MESSAGE));
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Map<String, Long> revisions = new TreeMap<>();
            folder.documents().forEach((path, content) -> revisions.put(path, store.insertRevision(path, content, "system", "Imported from the bundle folder", now, null)));
            store.insertRelease(1, folder.hash(), new AuthoringStore.Makers("system", null, "system"), IMPORT_MESSAGE, now, "IMPORT", null, revisions);
            store.audit("system", "release.import", "release 1", revisions.size() + " documents from the bundle folder", now);
        });
        holder.swap(snapshot);
        log.info("Imported the bundle folder as release 1 ({} documents)", folder.documents().size());
    }
}
