package dev.pauta.compliance;

import dev.pauta.manual.PhrasePattern;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The register-forms rows of one locale compiled for lookup by a text's words: which words of a reply belong to another
 * register than the reply's, and which registers a customer's own words use. Immutable after construction; thread-safe.
 */
final class RegisterForms {

    static final String CHECK = "register";
    static final String SEVERITY = "WARNING";

    /** One form of a row, as the words it is made of. */
    private record Form(String[] words, String register, RegisterForm row) {
    }

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();

    RegisterForms(List<RegisterForm> rows) {
        for (RegisterForm row : rows) {
            row.forms().forEach((register, form) -> {
                String[] words = words(form).stream().map(w -> w.key).toArray(String[]::new);
                if (words.length > 0) {
                    byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Form(words, register, row));
                }
            });
        }
    }

    boolean isEmpty() {
        return byFirstWord.isEmpty();
    }

    /** Every word of {@code text} written in another register than {@code register}, with that register's form instead. */
    void check(String text, String register, List<Violation> found) {
        List<Token> tokens = words(text);
        for (int i = 0; i < tokens.size(); i++) {
            for (Form form : byFirstWord.getOrDefault(tokens.get(i).key, List.of())) {
                String instead = form.row().forms().get(register);
                if (!form.register().equals(register) && form.row().checks(register) && instead != null && !instead.isBlank()
                        && matches(form, tokens, i) && !sameWords(instead, form)) {
                    Token first = tokens.get(i);
                    Token last = tokens.get(i + form.words().length - 1);
                    found.add(new Violation(first.start, last.end, String.join(" ", form.words()), inCaseOf(text.substring(first.start, last.end), instead),
                            SEVERITY, form.row().section(), CHECK));
                }
            }
        }
    }

    /** The registers whose telling forms (those some other register's replies are checked for) appear in {@code text}. */
    Set<String> registersUsed(String text) {
        Set<String> used = new LinkedHashSet<>();
        List<Token> tokens = words(text);
        for (int i = 0; i < tokens.size(); i++) {
            for (Form form : byFirstWord.getOrDefault(tokens.get(i).key, List.of())) {
                if (!used.contains(form.register()) && tellsApart(form) && matches(form, tokens, i)) {
                    used.add(form.register());
                }
            }
        }
        return used;
    }

    private static boolean tellsApart(Form form) {
        return form.row().forms().keySet().stream().anyMatch(other -> !other.equals(form.register()) && form.row().checks(other)
                && !sameWords(form.row().forms().get(other), form));
    }

    private static boolean sameWords(String other, Form form) {
        return words(other).stream().map(t -> t.key).toList().equals(List.of(form.words()));
    }

    private static boolean matches(Form form, List<Token> tokens, int at) {
        if (at + form.words().length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < form.words().length; k++) {
            if (!tokens.get(at + k).key.equals(form.words()[k])) {
                return false;
            }
        }
        return true;
    }

    /** The form to write instead, capitalised when the word it replaces starts a sentence. */
    private static String inCaseOf(String written, String instead) {
        if (!written.isEmpty() && Character.isUpperCase(written.codePointAt(0)) && !instead.isEmpty()) {
            return instead.substring(0, 1).toUpperCase(Locale.ROOT) + instead.substring(1);
        }
        return instead;
    }

    private record Token(String key, int start, int end) {
    }

    /** Words split as phrases are, compared lower-cased with their accents and a plain apostrophe. */
    private static List<Token> words(String text) {
        List<Token> tokens = new ArrayList<>();
        for (PhrasePattern.Word word : PhrasePattern.words(text)) {
            String key = Normalizer.normalize(text.substring(word.start(), word.end()), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\'');
            tokens.add(new Token(key, word.start(), word.end()));
        }
        return tokens;
    }
}
