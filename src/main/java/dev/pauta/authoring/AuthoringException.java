package dev.pauta.authoring;

import java.util.List;

/** Why an authoring request was refused; each kind maps to one HTTP status and problem code. */
public abstract sealed class AuthoringException extends RuntimeException {

    protected AuthoringException(String message) {
        super(message);
    }

    /** No change, release or document with that key. */
    public static final class NotFound extends AuthoringException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The edit was based on a revision that is no longer the latest; nothing was saved. */
    public static final class StaleRevision extends AuthoringException {
        private final String path;
        private final long currentRevision;
        private final String currentContent;

        public StaleRevision(String path, long baseRevision, long currentRevision, String currentContent) {
            super("'" + path + "' was edited since revision " + baseRevision + "; the latest revision is " + currentRevision);
            this.path = path;
            this.currentRevision = currentRevision;
            this.currentContent = currentContent;
        }

        public String path() {
            return path;
        }

        public long currentRevision() {
            return currentRevision;
        }

        public String currentContent() {
            return currentContent;
        }
    }

    /** A release published after the change's base touched the same documents. */
    public static final class Conflict extends AuthoringException {
        private final int baseRelease;
        private final int currentRelease;
        private final List<String> paths;

        public Conflict(int baseRelease, int currentRelease, List<String> paths) {
            super("releases published since release " + baseRelease + " (now " + currentRelease + ") changed " + String.join(", ", paths)
                    + ", which the change edits too");
            this.baseRelease = baseRelease;
            this.currentRelease = currentRelease;
            this.paths = List.copyOf(paths);
        }

        public int baseRelease() {
            return baseRelease;
        }

        public int currentRelease() {
            return currentRelease;
        }

        public List<String> paths() {
            return paths;
        }
    }

    /** The change's review state does not allow what was asked, such as approving a change nobody asked to review. */
    public static final class WrongState extends AuthoringException {
        private final String state;
        private final String hint;

        public WrongState(String message, String state, String hint) {
            super(message);
            this.state = state;
            this.hint = hint;
        }

        /** The change's review state when it was refused. */
        public String state() {
            return state;
        }

        public String hint() {
            return hint;
        }
    }

    /** With four eyes on, publishing needs a change a publisher approved; this one is not approved. */
    public static final class NotApproved extends AuthoringException {
        private final long changeId;
        private final String state;

        public NotApproved(long changeId, String state) {
            super("change " + changeId + " is " + state + ", not APPROVED, and four-eyes review requires an approval before publishing");
            this.changeId = changeId;
            this.state = state;
        }

        public long changeId() {
            return changeId;
        }

        public String state() {
            return state;
        }
    }

    /** With four eyes on, nobody approves or publishes a change they authored (created, or saved a document in). */
    public static final class FourEyes extends AuthoringException {
        private final List<String> authors;

        public FourEyes(long changeId, String actor, String action, List<String> authors) {
            super("'" + actor + "' authored change " + changeId + " and may not " + action + " it: four-eyes review needs someone else");
            this.authors = List.copyOf(authors);
        }

        /** Everyone who counts as an author of the change. */
        public List<String> authors() {
            return authors;
        }
    }

    /** The change is no longer open for edits or publishing. */
    public static final class Closed extends AuthoringException {
        public Closed(long id, String status) {
            super("change " + id + " is " + status + " and can no longer be edited or published");
        }
    }

    /** A document path, a zip or a piece of content that cannot be part of a bundle. */
    public static final class BadInput extends AuthoringException {
        private final String field;

        public BadInput(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
