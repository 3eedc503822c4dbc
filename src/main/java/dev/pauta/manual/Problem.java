package dev.pauta.manual;

/**
 * One thing wrong with a bundle: where it is, what is wrong and how to fix it.
 *
 * @param path the document's path in the bundle, such as {@code rules/compensation.drl}
 * @param line the 1-based line, or 0 when the problem is about the whole document
 */
public record Problem(String path, int line, String message, String hint) {

    public static Problem at(String path, int line, String message, String hint) {
        return new Problem(path, Math.max(line, 0), message, hint);
    }

    /** The {@code path:line: message (hint: …)} form used on the command line and at start-up. */
    public String describe() {
        String where = line > 0 ? path + ":" + line : path;
        return where + ": " + message + (hint == null || hint.isBlank() ? "" : " (hint: " + hint + ")");
    }
}
