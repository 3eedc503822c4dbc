package dev.pauta.compliance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A draft split into folded words that remember where they stand in the original text. */
final class Text {

    record Word(String folded, int start, int end, boolean shouted) {
    }

    private Text() {
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int letters = 0;
            int upper = 0;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!isWordChar(cp) && !isJoiner(text, i)) {
                    break;
                }
                if (Character.isLetter(cp)) {
                    letters++;
                    if (Character.isUpperCase(cp)) {
                        upper++;
                    }
                }
                i += Character.charCount(cp);
            }
            String raw = text.substring(start, i);
            words.add(new Word(fold(raw), start, i, letters >= 2 && upper == letters));
        }
        return words;
    }

    /** An apostrophe between letters stays inside the word ("that's", "don't"). */
    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '’') && i > 0 && i + 1 < text.length()
                && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    static String fold(String word) {
        String folded = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.replace('’', '\'');
    }
}
