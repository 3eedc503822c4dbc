package dev.pauta.authoring;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reading published releases: the list, one release's documents, a document as released, diffs and zip exports. */
final class Releases {

    private final AuthoringStore store;

    Releases(AuthoringStore store) {
        this.store = store;
    }

    List<Views.ReleaseView> releases() {
        return store.releases();
    }

    Views.ReleaseView release(int number) {
        return store.release(number).orElseThrow(() -> new AuthoringException.NotFound("no release " + number));
    }

    Map<String, Long> revisions(int number) {
        release(number);
        Map<String, Long> revisions = new LinkedHashMap<>();
        store.releaseDocuments(number).forEach((path, r) -> revisions.put(path, r.revision()));
        return revisions;
    }

    /** A document as release {@code release} holds it; the current release when null. */
    Views.DocumentView document(String path, Integer release) {
        int number = release != null ? release : store.currentReleaseNumber().orElseThrow();
        release(number);
        AuthoringStore.Revision revision = store.releaseDocuments(number).get(path);
        if (revision == null) {
            throw new AuthoringException.NotFound("'" + path + "' is not in release " + number);
        }
        return new Views.DocumentView(path, revision.content(), revision.revision(), number);
    }

    /** A unified diff of every document that differs between two releases, by path. */
    List<Views.DocumentDiff> diff(int from, int to) {
        release(from);
        release(to);
        Map<String, AuthoringStore.Revision> a = store.releaseDocuments(from);
        Map<String, AuthoringStore.Revision> b = store.releaseDocuments(to);
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Views.DocumentDiff> diffs = new ArrayList<>();
        for (String path : paths) {
            AuthoringStore.Revision left = a.get(path);
            AuthoringStore.Revision right = b.get(path);
            if (left != null && right != null && left.contentHash().equals(right.contentHash())) {
                continue;
            }
            String status = left == null ? "ADDED" : right == null ? "REMOVED" : "MODIFIED";
            List<String> before = left == null ? List.of() : left.content().lines().toList();
            List<String> after = right == null ? List.of() : right.content().lines().toList();
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("release-" + from + "/" + path, "release-" + to + "/" + path, before,
                    DiffUtils.diff(before, after), 3);
            diffs.add(new Views.DocumentDiff(path, status, String.join("\n", unified)));
        }
        return diffs;
    }

    byte[] export(int number) {
        release(number);
        return BundleArchive.write(store.bundle(number));
    }
}
