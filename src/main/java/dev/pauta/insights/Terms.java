package dev.pauta.insights;

import dev.pauta.manual.Accents;
import java.util.Set;
import java.util.TreeSet;

/**
 * The normalised terms a knowledge gap is grouped by: the words of a query or of a customer's text, folded (no accents,
 * lower case), without the commonest words of Spanish and English, each once, in alphabetical order, so "¿Dónde está mi
 * pedido?" and "pedido donde" are one gap. Stateless.
 */
final class Terms {

    static final int MAX_LENGTH = 200;

    /** Words too common to tell one gap from another. */
    private static final Set<String> COMMON = Set.of(
            "a", "al", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "la", "las", "le", "lo", "los", "me", "mi", "mis", "no", "o",
            "para", "por", "que", "se", "si", "su", "sus", "te", "tu", "un", "una", "y", "ya", "yo",
            "an", "and", "are", "be", "do", "for", "how", "i", "in", "is", "it", "my", "of", "on", "or", "the", "to", "what", "where", "with", "you", "your");

    private Terms() {
    }

    static String of(String text) {
        String folded = Accents.fold(text);
        Set<String> words = new TreeSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !COMMON.contains(word)) {
                words.add(word);
            }
        }
        String terms = words.isEmpty() ? folded.strip() : String.join(" ", words);
        return terms.length() <= MAX_LENGTH ? terms : terms.substring(0, MAX_LENGTH);
    }
}
