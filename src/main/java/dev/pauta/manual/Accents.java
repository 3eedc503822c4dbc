package dev.pauta.manual;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Accent folding, the one place it is written: a text is decomposed (NFD), its combining marks are dropped and it is
 * lower-cased in {@link Locale#ROOT}, so "Atención" and "ATENCION" compare equal. Text within Latin-1 takes a table
 * lookup per character; anything beyond takes the decomposition. Stateless and thread-safe.
 */
public final class Accents {

    /** The folded form of À..ÿ, computed once with the slow path so both paths agree. */
    private static final String[] LATIN_1 = new String[0x40];

    static {
        for (char c = 0xC0; c <= 0xFF; c++) {
            LATIN_1[c - 0xC0] = decomposed(String.valueOf(c), false);
        }
    }

    private Accents() {
    }

    /** The text without accents, lower-cased: the form search terms, stop words and heading anchors are compared in. */
    public static String fold(String text) {
        return fold(text, false);
    }

    /**
     * A word as the phrase tables compare it: folded as {@link #fold}, and without the apostrophes and hyphens that join
     * its parts ("That’s" and "thats", "back-office" and "backoffice" are one word).
     */
    public static String foldWord(String word) {
        return fold(word, true);
    }

    private static String fold(String text, boolean dropJoiners) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (dropJoiners && isJoiner(c)) {
                continue;
            }
            if (c < 0x80) {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else if (c >= 0xC0 && c <= 0xFF) {
                out.append(LATIN_1[c - 0xC0]);
            } else {
                return decomposed(text, dropJoiners);
            }
        }
        return out.toString();
    }

    private static String decomposed(String text, boolean dropJoiners) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
            if (!mark && !(dropJoiners && cp < 0x10000 && isJoiner((char) cp))) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '’' || c == '-';
    }
}
