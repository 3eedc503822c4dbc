package dev.pauta.rules;

import dev.pauta.manual.Manual;
import dev.pauta.manual.Problem;
import dev.pauta.rules.RuleContract.CodePart;
import dev.pauta.rules.RuleContract.Emit;
import dev.pauta.rules.RuleContract.Worth;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Holds the manual to the codes rules emit: every code a rule can propose (each code a {@code "PREFIX_" + $binding} can
 * join into, over the vocabulary or table column the binding reads) has a script in every locale unless the rule names
 * one with {@code .script("…")}; every hold's reason has a script and holds a code some rule proposes; every offer
 * declares the percent it is worth, and the scripts that explain an offer not made exist. Thread-safe.
 */
final class CodeContract {

    /** More codes than one statement may stand for; past it, the scripts it needs cannot sensibly be written. */
    static final long MAX_CODES = 1000;
    private static final String SCRIPT_HINT = "add a row for the code to a scripts table in every locale, in the section the rule cites, "
            + "or name the words with .script(\"CODE\")";
    private static final String BARE_CODE = ", so the agent would see the bare code";
    private static final String REASON_HINT = "add a row for the reason to a scripts table in every locale, in the section the rule cites";

    private final Manual manual;
    private final Map<String, Set<String>> scripts;
    private final Map<String, Map<String, Set<String>>> vocabularies;
    private final Set<String> offerScripts;

    CodeContract(Manual manual, Map<String, Set<String>> scripts, Map<String, Map<String, Set<String>>> vocabularies, Set<String> offerScripts) {
        this.manual = manual;
        this.scripts = Map.copyOf(scripts);
        this.vocabularies = Map.copyOf(vocabularies);
        this.offerScripts = Set.copyOf(offerScripts);
    }

    List<Problem> problems(List<RuleContract> contracts) {
        Set<Problem> problems = new LinkedHashSet<>();
        Map<String, Set<String>> proposed = new TreeMap<>();
        Map<Emit, Map<String, Set<String>>> codes = new HashMap<>();
        for (RuleContract contract : contracts) {
            for (Emit emit : contract.emits()) {
                Map<String, Set<String>> byLocale = expand(contract, emit, problems);
                codes.put(emit, byLocale);
                if (!emit.isHold()) {
                    byLocale.forEach((locale, made) -> proposed.computeIfAbsent(locale, l -> new TreeSet<>()).addAll(made));
                }
            }
        }
        for (RuleContract contract : contracts) {
            for (Emit emit : contract.emits()) {
                if (emit.isHold()) {
                    hold(contract, emit, codes.get(emit), proposed, problems);
                } else {
                    proposal(contract, emit, codes.get(emit), problems);
                }
            }
        }
        offerScripts(contracts, problems);
        return List.copyOf(problems);
    }

    private void hold(RuleContract contract, Emit emit, Map<String, Set<String>> held, Map<String, Set<String>> proposed, Set<Problem> problems) {
        String rule = "rule '" + contract.rule() + "'";
        missing(Set.of(emit.reason()), manual.locales(), problems, contract, emit, rule + " holds " + emit.written() + " back with reason " + emit.reason(),
                ", so the explanation could not say why in the customer's language", REASON_HINT);
        Set<String> unproposed = new TreeSet<>();
        held.forEach((locale, codes) -> codes.stream().filter(code -> !proposed.getOrDefault(locale, Set.of()).contains(code)).forEach(unproposed::add));
        if (!unproposed.isEmpty()) {
            problems.add(Problem.at(contract.path(), emit.line(), rule + " holds back " + list(unproposed) + ", which no rule proposes, so the hold never applies",
                    "hold a code some rule proposes; check its spelling"));
        }
    }

    private void proposal(RuleContract contract, Emit emit, Map<String, Set<String>> made, Set<Problem> problems) {
        String proposes = "rule '" + contract.rule() + "' proposes " + emit.written();
        if (emit.script() != null) {
            missing(Set.of(emit.script()), manual.locales(), problems, contract, emit, proposes + " with the words of .script(\"" + emit.script() + "\")", BARE_CODE, SCRIPT_HINT);
        } else {
            made.forEach((locale, codes) -> missing(codes, Set.of(locale), problems, contract, emit, proposes, BARE_CODE, SCRIPT_HINT));
        }
        worth(contract, emit, problems);
    }

    /** The codes an emit can make in each locale; empty, with a problem, when a part is not a list of codes. */
    private Map<String, Set<String>> expand(RuleContract contract, Emit emit, Set<Problem> problems) {
        Map<String, Set<String>> byLocale = new TreeMap<>();
        for (String locale : manual.locales()) {
            Function<CodePart, Set<String>> values = part -> values(locale, part);
            for (CodePart part : emit.code()) {
                if (part instanceof CodePart.Property property && !vocabularies.getOrDefault(locale, Map.of()).containsKey(property.key())) {
                    problems.add(Problem.at(contract.path(), emit.line(), "rule '" + contract.rule() + "' joins " + property.fact() + " " + property.property()
                            + " into the code " + emit.written() + ", and it is not a list of codes the manual defines, so no check can see which scripts it needs",
                            "join only literal text with a vocabulary code (Contact channel or intent, Customer tier or type, SpecialNeed code) or a text column of a policy table"));
                    return Map.of();
                }
            }
            long combinations = emit.combinations(values);
            if (combinations > MAX_CODES) {
                problems.add(Problem.at(contract.path(), emit.line(), "rule '" + contract.rule() + "' can join " + emit.written() + " into " + combinations
                        + " codes, more than the " + MAX_CODES + " a rule may make scripts for", "join fewer $bindings into one code"));
                return Map.of();
            }
            byLocale.put(locale, new TreeSet<>(emit.codes(values)));
        }
        return byLocale;
    }

    private Set<String> values(String locale, CodePart part) {
        if (part instanceof CodePart.Property property) {
            return vocabularies.get(locale).get(property.key());
        }
        CodePart.Column column = (CodePart.Column) part;
        Set<String> cells = new TreeSet<>();
        manual.table(locale, column.table()).ifPresent(table -> table.rows().stream().map(row -> row.text(column.column()).trim()).forEach(cells::add));
        return cells;
    }

    /** One problem per statement and locale, listing the scripts it needs and the locale lacks. */
    private void missing(Set<String> needed, Set<String> locales, Set<Problem> problems, RuleContract contract, Emit emit, String what, String so, String hint) {
        for (String locale : locales) {
            Set<String> lacking = new TreeSet<>(needed);
            lacking.removeAll(scripts.getOrDefault(locale, Set.of()));
            if (!lacking.isEmpty()) {
                problems.add(Problem.at(contract.path(), emit.line(), what + ", and '" + locale + "' has no script for " + list(lacking) + so, hint));
            }
        }
    }

    private static void worth(RuleContract contract, Emit emit, Set<Problem> problems) {
        if ("OFFER".equals(emit.type()) && emit.worth() != Worth.NUMBER) {
            problems.add(Problem.at(contract.path(), emit.line(), "rule '" + contract.rule() + "' offers " + emit.written()
                    + (emit.worth() == Worth.NONE ? " without the percent it is worth" : " with a percent that is not a number")
                    + ", so it cannot be weighed against another offer", "pass what the offer is worth: .param(\"percent\", $percent), read with num(…) "
                    + "from the manual's table (manual/README.md, Offers)"));
        }
    }

    /** Offers never stack; the words that say why one was not made are needed once any rule offers something. */
    private void offerScripts(List<RuleContract> contracts, Set<Problem> problems) {
        for (RuleContract contract : contracts) {
            for (Emit emit : contract.emits()) {
                if ("OFFER".equals(emit.type())) {
                    missing(offerScripts, manual.locales(), problems, contract, emit, "rule '" + contract.rule() + "' offers " + emit.written()
                            + ", so an offer may have to give way to one worth more", " to say why",
                            "add the scripts " + new TreeSet<>(offerScripts) + " to the scripts table of the section on offers in every locale (manual/README.md, Offers)");
                    return;
                }
            }
        }
    }

    private static String list(Set<String> codes) {
        List<String> shown = codes.stream().limit(5).toList();
        return String.join(", ", shown) + (codes.size() > shown.size() ? " and " + (codes.size() - shown.size()) + " more" : "");
    }
}
