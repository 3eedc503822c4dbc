package dev.pauta.guidance;

import dev.pauta.compliance.ChannelCheck;
import dev.pauta.compliance.DraftChecker;
import dev.pauta.compliance.PhraseRule;
import dev.pauta.manual.Bundle;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.Manual;
import dev.pauta.manual.ManualReader;
import dev.pauta.manual.PolicyTable;
import dev.pauta.manual.Problem;
import dev.pauta.manual.Release;
import dev.pauta.manual.TableRow;
import dev.pauta.rules.ContractCheck;
import dev.pauta.rules.RuleCompiler;
import dev.pauta.rules.RuleSet;
import dev.pauta.search.SectionIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a bundle into a {@link Snapshot}, or reports every problem that stops it. Compilation happens
 * off to the side; nothing is served until the whole snapshot is built.
 */
public final class SnapshotCompiler {

    /** Tables the engine itself reads; all other policy tables are handed to the rules as rows. */
    static final Set<String> ENGINE_TABLES = Set.of("scripts", "synonyms", "forbidden-phrases", "channel-checks",
            VoiceReader.SETTINGS, VoiceReader.REGISTERS, VoiceReader.REGISTER_RULES, VoiceReader.REGISTER_FORMS);
    static final Set<String> REQUIRED_TABLES = Set.of("channels", "intents", "tiers", "customer-types", "special-needs", "forbidden-phrases");
    static final Set<String> CHECKS = Set.of("shouting", "greeting", "closing", "maxChars");
    static final Set<String> SEVERITIES = Set.of("ERROR", "WARNING");
    static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    private final ManualReader reader = new ManualReader();
    private final RuleCompiler ruleCompiler;

    /**
     * @param firingLimit rule firings one evaluation may take before it is stopped as a loop
     * @param timeBudget  how long one evaluation may run before it is stopped
     */
    public SnapshotCompiler(int firingLimit, Duration timeBudget) {
        this.ruleCompiler = new RuleCompiler(firingLimit, timeBudget);
    }

    /** With the default time budget ({@link RuleSet#DEFAULT_TIME_BUDGET}). */
    public SnapshotCompiler(int firingLimit) {
        this(firingLimit, RuleSet.DEFAULT_TIME_BUDGET);
    }

    /** Every problem in the bundle; empty when it would compile. */
    public List<Problem> validate(Bundle bundle) {
        try {
            compile(bundle, new Release(0, bundle.hash(), null, null, null));
            return List.of();
        } catch (InvalidBundleException e) {
            return e.problems();
        }
    }

    public Snapshot compile(Bundle bundle, Release release) {
        ManualReader.Result read = reader.read(bundle);
        List<Problem> problems = new ArrayList<>(read.problems());
        Manual manual = read.manual();
        if (manual.locales().isEmpty()) {
            problems.add(Problem.at("manual", 0, "the bundle has no sections", "add Markdown files under manual/<locale>/"));
            throw new InvalidBundleException(problems);
        }
        Map<String, Vocabulary> vocabularies = new TreeMap<>();
        Map<String, Map<String, Script>> scripts = new TreeMap<>();
        Map<String, Voice> voices = new TreeMap<>();
        Map<String, DraftChecker> checkers = new TreeMap<>();
        Map<String, Map<String, List<Map<String, String>>>> ruleRows = new TreeMap<>();
        for (String locale : manual.locales()) {
            for (String table : REQUIRED_TABLES) {
                if (manual.table(locale, table).isEmpty()) {
                    problems.add(Problem.at("manual/" + locale, 0, "no section in '" + locale + "' holds the '" + table + "' table",
                            "add '<!-- table: " + table + " -->' and the table to the section that owns it (see manual/README.md)"));
                }
            }
            Vocabulary vocabulary = vocabulary(manual, locale, problems);
            vocabularies.put(locale, vocabulary);
            Voice voice = VoiceReader.voice(manual, locale, vocabulary, problems);
            voices.put(locale, voice);
            DraftChecker checker = new DraftChecker(phrases(manual, locale, problems), channelChecks(manual, locale, problems),
                    VoiceReader.registerForms(manual, locale, problems));
            checkers.put(locale, checker);
            scripts.put(locale, VoiceReader.scripts(manual, locale, voice, checker, problems));
            ruleRows.put(locale, ruleRows(manual, locale));
        }
        compareLocales(manual, vocabularies, scripts, problems);
        uniqueTables(manual, problems);

        RuleCompiler.Result rules = ruleCompiler.compile(bundle.withPrefix("rules/"),
                id -> manual.locales().stream().allMatch(locale -> manual.section(locale, id).isPresent()));
        problems.addAll(rules.problems());
        Map<String, RuleSet.PolicyFacts> policyFacts = new TreeMap<>();
        if (rules.ok()) {
            Map<String, Set<String>> scriptCodes = new TreeMap<>();
            scripts.forEach((locale, byCode) -> scriptCodes.put(locale, byCode.keySet()));
            Map<String, Map<String, Set<String>>> vocabularyCodes = new TreeMap<>();
            vocabularies.forEach((locale, vocabulary) -> vocabularyCodes.put(locale, vocabularyCodes(vocabulary)));
            problems.addAll(new ContractCheck(manual, ENGINE_TABLES, scriptCodes, vocabularyCodes, GuidanceService.OFFER_SCRIPTS)
                    .problems(rules.ruleSet().contracts()));
            ruleRows.forEach((locale, rows) -> policyFacts.put(locale, rules.ruleSet().policyFacts(rows)));
            policyFacts.values().stream().flatMap(facts -> rules.ruleSet().oversizedJoins(facts).stream()).distinct().forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
        Map<String, SectionIndex> indexes = new TreeMap<>();
        for (String locale : manual.locales()) {
            List<List<String>> synonyms = manual.table(locale, "synonyms").map(t -> t.rows().stream().map(r -> r.list("terms")).toList()).orElse(List.of());
            indexes.put(locale, new SectionIndex(locale, manual.sections(locale), synonyms));
        }
        return new Snapshot(release, manual, rules.ruleSet(), indexes, checkers, vocabularies, scripts, policyFacts, voices);
    }

    private static Vocabulary vocabulary(Manual manual, String locale, List<Problem> problems) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        manual.table(locale, "intents").ifPresent(t -> t.rows().forEach(r -> keywords.put(r.text("code"), r.list("keywords"))));
        return new Vocabulary(labels(manual, locale, "channels"), labels(manual, locale, "intents"), keywords,
                labels(manual, locale, "tiers"), labels(manual, locale, "customer-types"), labels(manual, locale, "special-needs"),
                rejectionReasons(manual, locale, problems));
    }

    /** Optional, so bundles written before it still compile; a reason is stored with feedback, so its code must fit the log's column. */
    private static Map<String, String> rejectionReasons(Manual manual, String locale, List<Problem> problems) {
        Map<String, String> reasons = new LinkedHashMap<>();
        manual.table(locale, "rejection-reasons").ifPresent(table -> {
            for (TableRow row : table.rows()) {
                String code = row.text("code");
                if (!REASON_CODE.matcher(code).matches()) {
                    problems.add(Problem.at(table.path(), row.line(), "rejection reason code '" + code + "' is not a code",
                            "write the code in capitals, digits and underscores, starting with a letter, at most 60 characters (WRONG_FACTS)"));
                } else if (row.text("label").isBlank()) {
                    problems.add(Problem.at(table.path(), row.line(), "rejection reason '" + code + "' has no label", "fill in the 'label' agents choose from"));
                } else if (reasons.putIfAbsent(code, row.text("label")) != null) {
                    problems.add(Problem.at(table.path(), row.line(), "rejection reason '" + code + "' is listed twice", "keep one row per code"));
                }
            }
        });
        return reasons;
    }

    /** The fact properties that hold a vocabulary's codes, so the codes a rule joins from them ("TONE_" + $type) can be checked for scripts. */
    private static Map<String, Set<String>> vocabularyCodes(Vocabulary vocabulary) {
        return Map.of("Contact.channel", vocabulary.channels().keySet(), "Contact.intent", vocabulary.intents().keySet(),
                "Customer.tier", vocabulary.tiers().keySet(), "Customer.type", vocabulary.customerTypes().keySet(),
                "SpecialNeed.code", vocabulary.specialNeeds().keySet());
    }

    /** Rules read every row of a table name in a locale and the vocabulary only the first table: two tables of one name would disagree unseen. */
    private static void uniqueTables(Manual manual, List<Problem> problems) {
        for (String locale : manual.locales()) {
            Map<String, PolicyTable> first = new TreeMap<>();
            for (var section : manual.sections(locale)) {
                for (PolicyTable table : section.tables().values()) {
                    PolicyTable earlier = table.name().equals("scripts") ? null : first.putIfAbsent(table.name(), table);
                    if (earlier != null) {
                        problems.add(Problem.at(table.path(), table.line(), "table '" + table.name() + "' is also in " + earlier.path() + ":" + earlier.line(),
                                "keep one table of each name per locale (only scripts tables may be spread over sections)"));
                    }
                }
            }
        }
    }

    private static Map<String, String> labels(Manual manual, String locale, String table) {
        Map<String, String> labels = new LinkedHashMap<>();
        manual.table(locale, table).ifPresent(t -> t.rows().forEach(r -> labels.putIfAbsent(r.text("code"), r.text("label"))));
        return labels;
    }

    private static List<PhraseRule> phrases(Manual manual, String locale, List<Problem> problems) {
        List<PhraseRule> phrases = new ArrayList<>();
        manual.table(locale, "forbidden-phrases").ifPresent(table -> {
            for (TableRow row : table.rows()) {
                String severity = row.text("severity").isBlank() ? "ERROR" : row.text("severity").toUpperCase();
                var gap = row.number("maxGap");
                if (row.text("phrase").isBlank() || row.text("instead").isBlank()) {
                    problems.add(Problem.at(table.path(), row.line(), "a forbidden phrase needs the phrase and what to say instead", "fill in 'phrase' and 'instead'"));
                } else if (!SEVERITIES.contains(severity)) {
                    problems.add(Problem.at(table.path(), row.line(), "severity '" + row.text("severity") + "' is not ERROR or WARNING", "write ERROR or WARNING"));
                } else if (!row.text("maxGap").isBlank() && (gap == null || gap.intValue() < 0 || gap.intValue() > 3)) {
                    problems.add(Problem.at(table.path(), row.line(), "maxGap '" + row.text("maxGap") + "' is not a whole number from 0 to 3", "write how many extra words may stand inside the phrase"));
                } else {
                    phrases.add(new PhraseRule(row.text("phrase"), row.text("instead"), severity, gap == null ? 0 : gap.intValue(),
                            row.list("exceptions"), row.list("intents"), table.sectionId()));
                }
            }
        });
        return phrases;
    }

    private static List<ChannelCheck> channelChecks(Manual manual, String locale, List<Problem> problems) {
        List<ChannelCheck> checks = new ArrayList<>();
        manual.table(locale, "channel-checks").ifPresent(table -> {
            for (TableRow row : table.rows()) {
                String check = row.text("check");
                String severity = row.text("severity").isBlank() ? "WARNING" : row.text("severity").toUpperCase();
                if (!CHECKS.contains(check)) {
                    problems.add(Problem.at(table.path(), row.line(), "unknown channel check '" + check + "'", "use one of " + String.join(", ", new TreeSet<>(CHECKS))));
                } else if (!SEVERITIES.contains(severity)) {
                    problems.add(Problem.at(table.path(), row.line(), "severity '" + row.text("severity") + "' is not ERROR or WARNING", "write ERROR or WARNING"));
                } else {
                    checks.add(new ChannelCheck(row.text("channel"), check, row.list("value"), severity, row.text("instead"), table.sectionId()));
                }
            }
        });
        return checks;
    }

    private static Map<String, List<Map<String, String>>> ruleRows(Manual manual, String locale) {
        Map<String, List<Map<String, String>>> rows = new TreeMap<>();
        manual.sections(locale).forEach(section -> section.tables().forEach((name, table) -> {
            if (!ENGINE_TABLES.contains(name)) {
                rows.computeIfAbsent(name, n -> new ArrayList<>()).addAll(table.rows().stream().map(TableRow::cells).toList());
            }
        }));
        return rows;
    }

    /** Codes must be the same in every locale, so a request valid in one is valid in all. */
    private static void compareLocales(Manual manual, Map<String, Vocabulary> vocabularies, Map<String, Map<String, Script>> scripts, List<Problem> problems) {
        String first = manual.locales().iterator().next();
        for (String locale : manual.locales()) {
            if (locale.equals(first)) {
                continue;
            }
            vocabularies.get(first).codes().forEach((field, codes) -> {
                Set<String> other = vocabularies.get(locale).codes().get(field);
                if (!codes.equals(other)) {
                    problems.add(Problem.at("manual/" + locale, 0, field + " codes differ between '" + first + "' " + new TreeSet<>(codes) + " and '" + locale + "' " + new TreeSet<>(other),
                            "use the same codes in every locale; translate only the labels"));
                }
            });
            Set<String> a = new TreeSet<>(scripts.get(first).keySet());
            Set<String> b = new TreeSet<>(scripts.get(locale).keySet());
            if (!a.equals(b)) {
                Set<String> onlyA = new TreeSet<>(a);
                onlyA.removeAll(b);
                Set<String> onlyB = new TreeSet<>(b);
                onlyB.removeAll(a);
                problems.add(Problem.at("manual/" + locale, 0, "script codes differ: only in '" + first + "' " + onlyA + ", only in '" + locale + "' " + onlyB,
                        "give every action code a script in every locale"));
            }
        }
    }
}
