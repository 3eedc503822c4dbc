package dev.pauta.manual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The phrase syntax of the manual's policy tables, shared by draft checking and keyword rules: words match
 * regardless of case, accents and apostrophes or hyphens inside them; a word ending in {@code *} matches any
 * ending ("abogad*"), {@code a/b} matches either word. Immutable and thread-safe.
 */
public final class PhrasePattern {

    /** A word of a text, folded, with where it stands in the original (end exclusive). */
    public record Word(String folded, int start, int end, boolean shouted) {
    }

    private final String source;
    private final String[][] words;

    private PhrasePattern(String source, String[][] words) {
        this.source = source;
        this.words = words;
    }

    public static PhrasePattern compile(String phrase) {
        String[][] words = Arrays.stream(phrase.trim().split("\\s+"))
                .filter(w -> !w.isBlank())
                .map(w -> Arrays.stream(w.split("/"))
                        .map(alt -> {
                            boolean prefix = alt.endsWith("*");
                            String core = words(prefix ? alt.substring(0, alt.length() - 1) : alt).stream().map(Word::folded).reduce("", String::concat);
                            return prefix ? core + "*" : core;
                        })
                        .filter(alt -> !alt.isEmpty() && !alt.equals("*"))
                        .toArray(String[]::new))
                .filter(alternatives -> alternatives.length > 0)
                .toArray(String[][]::new);
        return new PhrasePattern(phrase, words);
    }

    /**
     * What is wrong with a phrase as a policy owner wrote it, if anything: {@link #compile} drops what it cannot use, so a
     * phrase that compiles may still not say what its owner meant.
     */
    public static java.util.Optional<String> problem(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return java.util.Optional.of("the phrase has no words");
        }
        for (String word : phrase.trim().split("\\s+")) {
            for (String alternative : word.split("/", -1)) {
                if (alternative.isEmpty()) {
                    return java.util.Optional.of("'" + word + "' has an empty alternative: write a/b with a word on each side of '/'");
                }
                int star = alternative.indexOf('*');
                if (star >= 0 && star != alternative.length() - 1) {
                    return java.util.Optional.of("'" + alternative + "' has '*' inside it: '*' may only end a word, as in abogad*");
                }
                if (words(star >= 0 ? alternative.substring(0, star) : alternative).isEmpty()) {
                    return java.util.Optional.of("'" + alternative + "' has no letters or digits" + (star >= 0 ? ": '*' ends a word, as in abogad*" : ""));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return words.length == 0;
    }

    public int length() {
        return words.length;
    }

    /**
     * Index of the last word of a match that starts at {@code at}, or -1. Up to {@code maxGap} extra words may
     * stand inside the phrase in all.
     */
    public int matchAt(List<Word> text, int at, int maxGap) {
        if (words.length == 0 || at >= text.size() || !accepts(words[0], text.get(at).folded())) {
            return -1;
        }
        int position = at;
        int gapsLeft = maxGap;
        for (int p = 1; p < words.length; p++) {
            int next = position + 1;
            while (next < text.size() && !accepts(words[p], text.get(next).folded())) {
                if (gapsLeft == 0) {
                    return -1;
                }
                gapsLeft--;
                next++;
            }
            if (next >= text.size()) {
                return -1;
            }
            position = next;
        }
        return position;
    }

    private static boolean accepts(String[] alternatives, String word) {
        for (String alternative : alternatives) {
            if (alternative.endsWith("*") ? word.startsWith(alternative.substring(0, alternative.length() - 1)) : word.equals(alternative)) {
                return true;
            }
        }
        return false;
    }

    /** Splits a text into folded words; an apostrophe or hyphen between letters joins ("that's" → "thats", "back-office" → "backoffice"). */
    public static List<Word> words(String text) {
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
            words.add(new Word(Accents.foldWord(text.substring(start, i)), start, i, letters >= 2 && upper == letters));
        }
        return words;
    }

    private static boolean isJoiner(String text, int i) {
        char c = text.charAt(i);
        return (c == '\'' || c == '’' || c == '-') && i > 0 && i + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** Each word of the phrase as its folded alternatives; an alternative ending in '*' is a prefix. */
    public List<List<String>> slots() {
        return Arrays.stream(words).map(List::of).toList();
    }

    @Override
    public String toString() {
        return source;
    }
}
