package dev.pauta.rules;

/**
 * The characters a rule name or a string in a rule may hold: letters, digits, spaces and ordinary punctuation. No
 * backslash, braces, brackets, quotes, {@code @ $ # < > & | ^ ~ =}, so no escape, template or expression language
 * downstream can be reached through a rule's text.
 */
final class PlainText {

    static final String PUNCTUATION = ".,;:!?¿¡'-_()/%+*";
    static final String HINT = "use only letters, digits, spaces and . , ; : ! ? ¿ ¡ ' - _ ( ) / % + * in rule names and strings";

    private PlainText() {
    }

    static boolean isPlain(String text) {
        return text.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || PUNCTUATION.indexOf(c) >= 0);
    }

    /** A rule's own text quoted back in a message: one line, at most 60 characters. */
    static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 60 ? line.substring(0, 57) + "…" : line;
    }
}
