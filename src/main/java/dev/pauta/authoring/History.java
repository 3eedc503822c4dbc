package dev.pauta.authoring;

import java.util.List;

/** Who changed what: every saved revision of a document, and the audit trail of authoring actions. */
final class History {

    private static final int MAX_AUDIT_ENTRIES = 500;

    private final AuthoringStore store;

    History(AuthoringStore store) {
        this.store = store;
    }

    List<Views.RevisionView> of(String path) {
        List<Views.RevisionView> history = store.history(path).stream()
                .map(r -> new Views.RevisionView(r.path(), r.revision(), r.author(), r.message(), r.createdAt(), r.contentHash(), r.deleted(), r.changeId()))
                .toList();
        if (history.isEmpty()) {
            throw new AuthoringException.NotFound("no document has ever been saved at '" + path + "'");
        }
        return history;
    }

    /** The latest entries, newest first; {@code limit} is held between 1 and 500. */
    List<Views.AuditEntry> audit(int limit) {
        return store.audit(Math.max(1, Math.min(limit, MAX_AUDIT_ENTRIES)));
    }
}
