package dev.pauta.rules;

import dev.pauta.manual.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.builder.conf.PropertySpecificOption;

/**
 * Compiles {@code rules/*.drl} at run time, after {@link RuleGrammar} has checked every file on its parse tree; the
 * checked trees themselves are compiled, never the text again, and they are what each rule's {@link RuleContract} is
 * read from. Every rule must cite, with {@code @section("id")}, a section that exists; every error carries the file, the
 * line and a hint. Thread-safe.
 */
public final class RuleCompiler {

    /** The compiled rules, or the problems that stopped them; never both. */
    public record Result(RuleSet ruleSet, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final int firingLimit;
    private final Duration timeBudget;

    /**
     * @param firingLimit rule firings one evaluation may take before it is stopped as a loop
     * @param timeBudget  how long one evaluation may run before it is stopped
     */
    public RuleCompiler(int firingLimit, Duration timeBudget) {
        this.firingLimit = firingLimit;
        this.timeBudget = timeBudget;
    }

    /**
     * @param sources     DRL text by bundle path
     * @param sectionExists whether a section id exists in every locale of the manual
     */
    public Result compile(Map<String, String> sources, Predicate<String> sectionExists) {
        // Facts are never modified during an evaluation, so property reactivity would only add listeners and warnings.
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        configuration.setOption(PropertySpecificOption.ALLOWED);
        LanguageLevelOption level = configuration.getOption(LanguageLevelOption.KEY);
        List<Problem> problems = new ArrayList<>();
        List<PackageDescr> packages = new ArrayList<>();
        Map<String, List<String>> sectionsByRule = new HashMap<>();
        Map<String, String> ruleFiles = new LinkedHashMap<>();
        Map<String, RuleSet.Location> locations = new HashMap<>();
        List<RuleContract> contracts = new ArrayList<>();
        Map<String, JoinBound> joins = new HashMap<>();
        sources.forEach((path, drl) -> {
            if (!path.endsWith(".drl")) {
                return;
            }
            Resource resource = KieServices.get().getResources().newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(path);
            DrlParser parser = new DrlParser(level);
            PackageDescr pkg;
            try {
                pkg = parser.parse(resource, drl);
            } catch (DroolsParserException e) {
                problems.add(Problem.at(path, 1, "the rule file cannot be parsed: " + clean(e.getMessage()), "check the DRL syntax"));
                return;
            }
            if (parser.hasErrors() || pkg == null) {
                for (DroolsError error : parser.getErrors()) {
                    problems.add(Problem.at(path, firstLine(error.getLines()), clean(error.getMessage()), "check the DRL syntax near that line: rule \"name\" … when … then … end"));
                }
                return;
            }
            RuleGrammar.Checked checked = RuleGrammar.check(path, drl, pkg, level);
            problems.addAll(checked.problems());
            if (!checked.problems().isEmpty()) {
                return;
            }
            packages.add(pkg);
            for (RuleDescr rule : pkg.getRules()) {
                String key = pkg.getName() + "/" + rule.getName();
                locations.putIfAbsent(rule.getName(), new RuleSet.Location(path, rule.getLine()));
                joins.put(rule.getName(), JoinBound.of(rule, level));
                ContractReader.read(path, rule, level, checked.statementLines().getOrDefault(rule, List.of()), problems).ifPresent(contracts::add);
                String earlier = ruleFiles.putIfAbsent(key, path);
                if (earlier != null) {
                    problems.add(Problem.at(path, rule.getLine(), "rule '" + rule.getName() + "' is also defined in " + earlier, "give each rule its own name within a package"));
                }
                AnnotationDescr annotation = rule.getAnnotation("section");
                String cited = annotation == null ? null : annotation.getSingleValueAsString();
                if (cited == null || cited.isBlank()) {
                    problems.add(Problem.at(path, rule.getLine(), "rule '" + rule.getName() + "' does not cite a manual section",
                            "add @section(\"section-id\") after the rule name, naming the section it implements"));
                    continue;
                }
                List<String> sections = Arrays.stream(stripQuotes(cited).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                for (String section : sections) {
                    if (!sectionExists.test(section)) {
                        problems.add(Problem.at(path, rule.getLine(), "rule '" + rule.getName() + "' cites section '" + section + "', which the manual does not have",
                                "cite an existing section id or add manual/<locale>/" + section + ".md in every locale"));
                    }
                }
                sectionsByRule.put(key, sections);
            }
        });
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }

        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        if (!(builder instanceof KnowledgeBuilderImpl checkedTrees)) {
            throw new IllegalStateException("the Drools knowledge builder cannot take parsed packages");
        }
        // The packages the grammar checked (and printed back) are compiled as they are; the DRL text is not parsed again.
        packages.forEach(checkedTrees::addPackage);
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String path = error.getResource() == null ? "rules" : error.getResource().getSourcePath();
                problems.add(Problem.at(path, firstLine(error.getLines()), clean(error.getMessage()),
                        "check the fact and field names against dev.pauta.rules.facts and the DRL syntax"));
            }
            return new Result(null, problems);
        }
        KieBase kieBase = builder.newKieBase();
        return new Result(new RuleSet(kieBase, sectionsByRule, locations, joins, contracts, firingLimit, timeBudget, Set.copyOf(ruleFiles.keySet())), List.of());
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : Math.max(lines[0], 0);
    }

    private static String stripQuotes(String value) {
        String v = value.trim();
        return v.length() > 1 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** The compiler's words with Java's taken out: no package names, and the outcome's builder called what rules call it. */
    private static String clean(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.replaceAll("\\s+", " ")
                .replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)", "$1")
                .replace("Outcome.Entry", "outcome.propose(…)")
                .trim();
    }
}
