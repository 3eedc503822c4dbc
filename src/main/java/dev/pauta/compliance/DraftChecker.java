package dev.pauta.compliance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a draft reply against one locale's forbidden phrases and channel checks. Case, accents,
 * punctuation, line breaks and extra spaces do not hide a phrase; offsets point into the original text.
 * Built once per snapshot; thread-safe.
 */
public final class DraftChecker {

    /** A phrase compiled to word patterns; each pattern is a set of alternatives, a trailing '*' a prefix. */
    private record Compiled(PhraseRule rule, String[][] words, List<String[][]> exceptions) {
    }

    private final Map<String, List<Compiled>> byFirstWord = new HashMap<>();
    private final List<Compiled> prefixFirst = new ArrayList<>();
    private final List<ChannelCheck> channelChecks;
    private final List<PhraseRule> phrases;

    public DraftChecker(List<PhraseRule> phrases, List<ChannelCheck> channelChecks) {
        this.phrases = List.copyOf(phrases);
        this.channelChecks = List.copyOf(channelChecks);
        for (PhraseRule rule : phrases) {
            String[][] words = compile(rule.phrase());
            if (words.length == 0) {
                continue;
            }
            Compiled compiled = new Compiled(rule, words, rule.exceptions().stream().map(DraftChecker::compile).filter(w -> w.length > 0).toList());
            for (String alternative : words[0]) {
                if (alternative.endsWith("*")) {
                    prefixFirst.add(compiled);
                } else {
                    byFirstWord.computeIfAbsent(alternative, k -> new ArrayList<>()).add(compiled);
                }
            }
        }
    }

    public List<PhraseRule> phrases() {
        return phrases;
    }

    public List<Violation> check(String channel, String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Text.Word> words = Text.words(text);
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<Compiled> candidates = byFirstWord.getOrDefault(words.get(i).folded(), List.of());
            for (Compiled c : candidates) {
                match(c, words, i, found);
            }
            for (Compiled c : prefixFirst) {
                match(c, words, i, found);
            }
        }
        for (ChannelCheck check : channelChecks) {
            if (check.channel().equals("ALL") || check.channel().equals(channel)) {
                applyChannelCheck(check, text, words, found);
            }
        }
        found.sort(Comparator.comparingInt(Violation::start).thenComparingInt(Violation::end));
        return dedupe(found);
    }

    private static void match(Compiled c, List<Text.Word> words, int at, List<Violation> found) {
        int end = matchFrom(c.words(), c.rule().maxGap(), words, at);
        if (end < 0) {
            return;
        }
        int start = words.get(at).start();
        int stop = words.get(end).end();
        for (String[][] exception : c.exceptions()) {
            for (int from = Math.max(0, at - exception.length - 2); from <= at; from++) {
                int exceptionEnd = matchFrom(exception, 0, words, from);
                if (exceptionEnd >= end) {
                    return;
                }
            }
        }
        PhraseRule r = c.rule();
        found.add(new Violation(start, stop, r.phrase(), r.instead(), r.severity(), r.section(), "phrase"));
    }

    /** Index of the last word of a match starting at {@code at}, or -1; extra words inside cost one gap each. */
    private static int matchFrom(String[][] pattern, int maxGap, List<Text.Word> words, int at) {
        if (at >= words.size() || !accepts(pattern[0], words.get(at).folded())) {
            return -1;
        }
        int position = at;
        int gapsLeft = maxGap;
        for (int p = 1; p < pattern.length; p++) {
            int next = position + 1;
            while (next < words.size() && !accepts(pattern[p], words.get(next).folded())) {
                if (gapsLeft == 0) {
                    return -1;
                }
                gapsLeft--;
                next++;
            }
            if (next >= words.size()) {
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

    static String[][] compile(String phrase) {
        return Arrays.stream(phrase.trim().split("\\s+"))
                .filter(w -> !w.isBlank())
                .map(w -> Arrays.stream(w.split("/"))
                        .map(alt -> {
                            boolean prefix = alt.endsWith("*");
                            String core = Text.words(prefix ? alt.substring(0, alt.length() - 1) : alt).stream()
                                    .map(Text.Word::folded).reduce("", String::concat);
                            return prefix ? core + "*" : core;
                        })
                        .filter(alt -> !alt.isEmpty() && !alt.equals("*"))
                        .toArray(String[]::new))
                .filter(alts -> alts.length > 0)
                .toArray(String[][]::new);
    }

    private static void applyChannelCheck(ChannelCheck check, String text, List<Text.Word> words, List<Violation> found) {
        switch (check.check()) {
            case "shouting" -> {
                int needed = check.values().isEmpty() ? 3 : parseInt(check.values().get(0), 3);
                int run = 0;
                for (int i = 0; i < words.size(); i++) {
                    run = words.get(i).shouted() ? run + 1 : 0;
                    boolean last = i + 1 == words.size() || !words.get(i + 1).shouted();
                    if (run >= needed && last) {
                        Text.Word first = words.get(i - run + 1);
                        found.add(new Violation(first.start(), words.get(i).end(), text.substring(first.start(), words.get(i).end()),
                                check.instead(), check.severity(), check.section(), "shouting"));
                    }
                }
            }
            case "greeting" -> {
                int lineStart = firstContent(text);
                int lineEnd = text.indexOf('\n', lineStart);
                lineEnd = lineEnd < 0 ? text.length() : lineEnd;
                if (!startsWithAny(text.substring(lineStart, lineEnd), check.values())) {
                    found.add(new Violation(lineStart, lineEnd, text.substring(lineStart, lineEnd).trim(), check.instead(), check.severity(), check.section(), "greeting"));
                }
            }
            case "closing" -> {
                String tail = text.substring(Math.max(0, text.length() - 300));
                if (!containsAny(tail, check.values())) {
                    int end = lastContent(text);
                    int start = text.lastIndexOf('\n', Math.max(0, end - 1)) + 1;
                    found.add(new Violation(start, end, text.substring(start, end).trim(), check.instead(), check.severity(), check.section(), "closing"));
                }
            }
            case "maxChars" -> {
                int max = check.values().isEmpty() ? Integer.MAX_VALUE : parseInt(check.values().get(0), Integer.MAX_VALUE);
                if (text.length() > max) {
                    found.add(new Violation(max, text.length(), "> " + max, check.instead(), check.severity(), check.section(), "maxChars"));
                }
            }
            default -> {
                // checks this engine does not know are refused when the bundle is validated
            }
        }
    }

    private static boolean startsWithAny(String line, List<String> openings) {
        String folded = Text.words(line).stream().map(Text.Word::folded).reduce((a, b) -> a + " " + b).orElse("");
        return openings.stream().map(o -> Text.words(o).stream().map(Text.Word::folded).reduce((a, b) -> a + " " + b).orElse(""))
                .anyMatch(o -> !o.isEmpty() && (folded.equals(o) || folded.startsWith(o + " ")));
    }

    private static boolean containsAny(String tail, List<String> closings) {
        String folded = " " + Text.words(tail).stream().map(Text.Word::folded).reduce((a, b) -> a + " " + b).orElse("") + " ";
        return closings.stream().map(o -> Text.words(o).stream().map(Text.Word::folded).reduce((a, b) -> a + " " + b).orElse(""))
                .anyMatch(o -> !o.isEmpty() && folded.contains(" " + o + " "));
    }

    private static int firstContent(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastContent(String text) {
        int i = text.length();
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The same span flagged by two rows (a phrase and its variant) is reported once, the first declared. */
    private static List<Violation> dedupe(List<Violation> sorted) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : sorted) {
            boolean covered = out.stream().anyMatch(o -> o.check().equals(v.check()) && o.start() <= v.start() && o.end() >= v.end());
            if (!covered) {
                out.add(v);
            }
        }
        return out;
    }
}
