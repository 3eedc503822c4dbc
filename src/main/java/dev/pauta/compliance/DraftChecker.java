package dev.pauta.compliance;

import dev.pauta.manual.PhrasePattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a draft reply against one locale's forbidden phrases and channel checks and, when the reply's register is known,
 * its register forms. Case, accents, punctuation, line breaks and extra spaces do not hide a phrase; offsets point into
 * the original text. Built once per snapshot; thread-safe.
 */
public final class DraftChecker {

    /** A phrase and its exceptions, compiled once to word ids. */
    private record Compiled(int index, PhraseRule rule, WordMatcher.Slot[] slots, List<WordMatcher.Slot[]> exceptions) {
    }

    private final WordMatcher matcher = new WordMatcher();
    /** Phrases by their first two exact words: at each draft word only the phrases that can really start there are tried. */
    private final Map<Long, List<Compiled>> byPair = new HashMap<>();
    private final Map<Integer, List<Compiled>> singleWords = new HashMap<>();
    /** Phrases that open with a prefix ("cálme*") are tried everywhere; the manual has few. */
    private final List<Compiled> opensWithPrefix = new ArrayList<>();
    private int widestGap;
    private int compiledCount;
    private final List<ChannelCheck> channelChecks;
    private final List<PhraseRule> phrases;
    private final RegisterForms registerForms;

    public DraftChecker(List<PhraseRule> phrases, List<ChannelCheck> channelChecks) {
        this(phrases, channelChecks, List.of());
    }

    public DraftChecker(List<PhraseRule> phrases, List<ChannelCheck> channelChecks, List<RegisterForm> registerForms) {
        this.phrases = List.copyOf(phrases);
        this.channelChecks = List.copyOf(channelChecks);
        this.registerForms = new RegisterForms(registerForms);
        for (PhraseRule rule : phrases) {
            PhrasePattern pattern = PhrasePattern.compile(rule.phrase());
            if (pattern.isEmpty()) {
                continue;
            }
            Compiled compiled = new Compiled(compiledCount++, rule, matcher.compile(pattern),
                    rule.exceptions().stream().map(PhrasePattern::compile).filter(p -> !p.isEmpty()).map(matcher::compile).toList());
            WordMatcher.Slot[] slots = compiled.slots();
            boolean exactStart = slots[0].prefixes().length == 0 && (slots.length == 1 || slots[1].prefixes().length == 0);
            if (!exactStart) {
                opensWithPrefix.add(compiled);
            } else if (slots.length == 1) {
                for (int id : slots[0].ids()) {
                    singleWords.computeIfAbsent(id, k -> new ArrayList<>()).add(compiled);
                }
            } else {
                for (int first : slots[0].ids()) {
                    for (int second : slots[1].ids()) {
                        byPair.computeIfAbsent(pair(first, second), k -> new ArrayList<>()).add(compiled);
                    }
                }
            }
            widestGap = Math.max(widestGap, rule.maxGap());
        }
    }

    /** Mixed so that pairs spread over the table; first << 32 | second would hash to first ^ second and collide. */
    private static long pair(int first, int second) {
        long key = ((long) first << 32) | (second & 0xffffffffL);
        key *= 0x9E3779B97F4A7C15L;
        return key ^ (key >>> 29);
    }

    public List<PhraseRule> phrases() {
        return phrases;
    }

    /** The phrases and the channel's checks, whatever the register. */
    public List<Violation> check(String channel, String text) {
        return check(channel, text, null);
    }

    /**
     * The phrases, the channel's checks and, when {@code register} is given, every word written in another register than
     * it (a WARNING, with the word in {@code register} instead).
     */
    public List<Violation> check(String channel, String text, String register) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PhrasePattern.Word> words = PhrasePattern.words(text);
        int[] ids = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = matcher.idOf(words.get(i).folded());
        }
        List<Violation> found = new ArrayList<>();
        int[] triedAt = new int[compiledCount];
        java.util.Arrays.fill(triedAt, -1);
        for (int i = 0; i < words.size(); i++) {
            if (ids[i] != WordMatcher.UNKNOWN) {
                for (Compiled c : singleWords.getOrDefault(ids[i], List.of())) {
                    match(c, ids, words, i, found);
                }
                for (int skipped = 0; skipped <= widestGap && i + 1 + skipped < ids.length; skipped++) {
                    for (Compiled c : byPair.getOrDefault(pair(ids[i], ids[i + 1 + skipped]), List.of())) {
                        if (skipped <= c.rule().maxGap() && triedAt[c.index()] != i) {
                            triedAt[c.index()] = i;
                            match(c, ids, words, i, found);
                        }
                    }
                }
            }
            for (Compiled c : opensWithPrefix) {
                match(c, ids, words, i, found);
            }
        }
        for (ChannelCheck check : channelChecks) {
            if (check.channel().equals("ALL") || check.channel().equals(channel)) {
                applyChannelCheck(check, text, words, found);
            }
        }
        if (register != null) {
            registerForms.check(text, register, found);
        }
        return dedupe(found);
    }

    /** The registers whose telling forms a text uses, such as a customer who writes "usted"; empty when none or no forms are known. */
    public Set<String> registersUsed(String text) {
        return text == null || registerForms.isEmpty() ? Set.of() : registerForms.registersUsed(text);
    }

    private static void match(Compiled c, int[] ids, List<PhrasePattern.Word> words, int at, List<Violation> found) {
        int gap = c.rule().maxGap();
        int end = WordMatcher.matchAt(c.slots(), ids, words, at, gap);
        if (end < 0) {
            return;
        }
        // An exception (with the phrase's own allowance of extra words) that covers the match clears it.
        for (WordMatcher.Slot[] exception : c.exceptions()) {
            for (int from = Math.max(0, at - exception.length - gap); from <= at; from++) {
                if (WordMatcher.matchAt(exception, ids, words, from, gap) >= end) {
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

    /** A span flagged twice by one kind of check (a phrase and a longer variant) is reported once, as the widest. */
    private static List<Violation> dedupe(List<Violation> found) {
        List<Violation> widestFirst = new ArrayList<>(found);
        widestFirst.sort(Comparator.comparingInt(Violation::start).thenComparing(Comparator.comparingInt(Violation::end).reversed()));
        Map<String, Integer> reach = new HashMap<>();
        List<Violation> out = new ArrayList<>();
        for (Violation v : widestFirst) {
            Integer covered = reach.get(v.check());
            if (covered == null || covered < v.end()) {
                out.add(v);
                reach.put(v.check(), v.end());
            }
        }
        return out;
    }
}
