package dev.pauta.compliance;

import dev.pauta.manual.PhrasePattern;
import java.util.ArrayList;
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

    /** A phrase and its exceptions, compiled once. */
    private record Compiled(PhraseRule rule, PhrasePattern pattern, List<PhrasePattern> exceptions) {
    }

    private final Map<String, List<Compiled>> byFirstWord = new HashMap<>();
    private final List<Compiled> prefixFirst = new ArrayList<>();
    private final List<ChannelCheck> channelChecks;
    private final List<PhraseRule> phrases;

    public DraftChecker(List<PhraseRule> phrases, List<ChannelCheck> channelChecks) {
        this.phrases = List.copyOf(phrases);
        this.channelChecks = List.copyOf(channelChecks);
        for (PhraseRule rule : phrases) {
            PhrasePattern pattern = PhrasePattern.compile(rule.phrase());
            if (pattern.isEmpty()) {
                continue;
            }
            Compiled compiled = new Compiled(rule, pattern, rule.exceptions().stream().map(PhrasePattern::compile).filter(p -> !p.isEmpty()).toList());
            for (String alternative : pattern.firstWord()) {
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
        List<PhrasePattern.Word> words = PhrasePattern.words(text);
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

    private static void match(Compiled c, List<PhrasePattern.Word> words, int at, List<Violation> found) {
        int gap = c.rule().maxGap();
        int end = c.pattern().matchAt(words, at, gap);
        if (end < 0) {
            return;
        }
        // An exception (with the phrase's own allowance of extra words) that covers the match clears it.
        for (PhrasePattern exception : c.exceptions()) {
            for (int from = Math.max(0, at - exception.length() - gap); from <= at; from++) {
                if (exception.matchAt(words, from, gap) >= end) {
                    return;
                }
            }
        }
        PhraseRule r = c.rule();
        found.add(new Violation(words.get(at).start(), words.get(end).end(), r.phrase(), r.instead(), r.severity(), r.section(), "phrase"));
    }

    private static void applyChannelCheck(ChannelCheck check, String text, List<PhrasePattern.Word> words, List<Violation> found) {
        switch (check.check()) {
            case "shouting" -> {
                int needed = check.values().isEmpty() ? 3 : parseInt(check.values().get(0), 3);
                int run = 0;
                for (int i = 0; i < words.size(); i++) {
                    run = words.get(i).shouted() ? run + 1 : 0;
                    boolean last = i + 1 == words.size() || !words.get(i + 1).shouted();
                    if (run >= needed && last) {
                        PhrasePattern.Word first = words.get(i - run + 1);
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
        String folded = PhrasePattern.words(line).stream().map(PhrasePattern.Word::folded).reduce((a, b) -> a + " " + b).orElse("");
        return openings.stream().map(o -> PhrasePattern.words(o).stream().map(PhrasePattern.Word::folded).reduce((a, b) -> a + " " + b).orElse(""))
                .anyMatch(o -> !o.isEmpty() && (folded.equals(o) || folded.startsWith(o + " ")));
    }

    private static boolean containsAny(String tail, List<String> closings) {
        String folded = " " + PhrasePattern.words(tail).stream().map(PhrasePattern.Word::folded).reduce((a, b) -> a + " " + b).orElse("") + " ";
        return closings.stream().map(o -> PhrasePattern.words(o).stream().map(PhrasePattern.Word::folded).reduce((a, b) -> a + " " + b).orElse(""))
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
