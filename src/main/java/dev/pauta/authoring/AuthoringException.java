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
        private final List<String> paths;

        public Conflict(int baseRelease, int currentRelease, List<String> paths) {
            super("releases published since release " + baseRelease + " (now " + currentRelease + ") changed " + paths);
            this.paths = List.copyOf(paths);
        }

        public List<String> paths() {
            return paths;
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
