package dev.pauta.rules;

import com.github.javaparser.ast.expr.Expression;
import dev.pauta.manual.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The allow-list of what a policy rule file may hold, checked on the package Drools parsed: a {@code pauta.*} package,
 * imports of the fact model, the one {@code outcome} global, and rules whose conditions match facts and whose
 * consequences write to the outcome. Everything else is refused with the file, the line and a hint. Constraints and
 * consequences that pass are replaced in the package by their print from the checked trees, so the compiler gets
 * exactly what was checked. One instance per file; not thread-safe. It is long because it is the whole grammar in one
 * place, read top to bottom like the README's list of what a rule may contain; values and consequences are in
 * {@link ExpressionGrammar} and {@link ConsequenceGrammar}.
 */
final class RuleGrammar {

    private static final Pattern PACKAGE = Pattern.compile("pauta\\.[a-z][a-z0-9]*");
    private static final Pattern SECTIONS = Pattern.compile("\"[a-z0-9-]+(, *[a-z0-9-]+)*\"");
    private static final Pattern SALIENCE = Pattern.compile("-?[0-9]{1,4}");
    private static final Set<String> OUTCOME_TYPES = Set.of(FactTypes.PACKAGE + ".Outcome", "Outcome");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average");
    private static final String ONLY_RULES = "a policy file holds a package pauta.<area>, import dev.pauta.rules.facts.*, "
            + "global dev.pauta.rules.facts.Outcome outcome, and rules";
    private static final String CONDITIONS = "match facts with patterns such as Contact(intent == \"COMPLAINT\"), combined with and, or, not, exists, "
            + "or count them with Number(intValue >= 2) from accumulate(Fact(…), count(1))";

    private final String path;
    private final String drl;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<RuleDescr, List<Integer>> statementLines = new IdentityHashMap<>();
    private final ExpressionGrammar expressions = new ExpressionGrammar();
    private final ConstraintGrammar constraints;
    private final ConsequenceGrammar consequences = new ConsequenceGrammar(expressions);
    /** The line of the condition being checked, so a refusal deep in the conditions points at its own line. */
    private int refusalLine;

    private RuleGrammar(String path, String drl, LanguageLevelOption level) {
        this.path = path;
        this.drl = drl;
        this.constraints = new ConstraintGrammar(level, expressions);
    }

    /**
     * Every problem in the file and, for each rule that passed, the file line of each statement of its consequence, in
     * order; when there are no problems, {@code pkg} holds the printed constraints and consequences.
     */
    record Checked(List<Problem> problems, Map<RuleDescr, List<Integer>> statementLines) {
    }

    static Checked check(String path, String drl, PackageDescr pkg, LanguageLevelOption level) {
        RuleGrammar grammar = new RuleGrammar(path, drl, level);
        grammar.file(pkg);
        return new Checked(grammar.problems, grammar.statementLines);
    }

    private void file(PackageDescr pkg) {
        int escape = drl.indexOf("\\u");
        if (escape >= 0) {
            // javac turns \\u000a into a line break even inside a comment, so the code compiled would not be the code checked.
            refuse(lineAt(escape), "the file holds a unicode escape (\\u…)", "write the character itself");
            return;
        }
        if (pkg.getName() == null || !PACKAGE.matcher(pkg.getName()).matches()) {
            refuse(Math.max(pkg.getLine(), 1), "package '" + PlainText.excerpt(String.valueOf(pkg.getName())) + "' is not a policy package",
                    "name the package pauta.<area> in lower case, such as pauta.compensation");
        }
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            boolean fact = target.equals(FactTypes.PACKAGE + ".*") || OUTCOME_TYPES.contains(target)
                    || target.startsWith(FactTypes.PACKAGE + ".") && FactTypes.matchable(target).isPresent();
            if (!fact) {
                refuse(imp.getLine(), "import '" + PlainText.excerpt(target) + "' is not allowed in policy rules",
                        "import only dev.pauta.rules.facts.* or one of its fact types " + FactTypes.names());
            }
        }
        declarations(pkg);
        globals(pkg);
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule);
        }
    }

    private void declarations(PackageDescr pkg) {
        refuseAll(pkg.getFunctionImports(), "function imports are not allowed");
        refuseAll(pkg.getAccumulateImports(), "accumulate imports are not allowed");
        refuseAll(pkg.getFunctions(), "functions are not allowed");
        refuseAll(pkg.getTypeDeclarations(), "declared types are not allowed");
        refuseAll(pkg.getEnumDeclarations(), "declared enums are not allowed");
        refuseAll(pkg.getEntryPointDeclarations(), "entry points are not allowed");
        refuseAll(pkg.getWindowDeclarations(), "windows are not allowed");
        refuseAll(pkg.getAttributes(), "package attributes (dialect, salience, …) are not allowed");
        if (pkg.getUnit() != null) {
            refuse(pkg.getUnit().getLine(), "rule units are not allowed", ONLY_RULES);
        }
    }

    private void globals(PackageDescr pkg) {
        List<GlobalDescr> globals = pkg.getGlobals();
        for (GlobalDescr global : globals) {
            if (!global.getIdentifier().equals("outcome") || !OUTCOME_TYPES.contains(global.getType())) {
                refuse(global.getLine(), "global '" + PlainText.excerpt(global.getType() + " " + global.getIdentifier()) + "' is not allowed",
                        "declare only 'global dev.pauta.rules.facts.Outcome outcome;'");
            }
        }
        if (globals.size() != 1) {
            refuse(globals.isEmpty() ? 1 : globals.get(1).getLine(), "a policy file declares the outcome global exactly once",
                    "declare 'global dev.pauta.rules.facts.Outcome outcome;' once");
        }
    }

    private void rule(RuleDescr rule) {
        int line = Math.max(rule.getLine(), 1);
        String name = PlainText.excerpt(String.valueOf(rule.getName()));
        if (rule.isQuery()) {
            refuse(line, "query '" + name + "' is not allowed", ONLY_RULES);
            return;
        }
        if (rule.getName() == null || rule.getName().isBlank() || !PlainText.isPlain(rule.getName())) {
            refuse(line, "the rule name '" + name + "' holds characters a rule name may not have", PlainText.HINT);
        }
        if (rule.getParentName() != null || rule.getUnit() != null || !rule.getNamedConsequences().isEmpty()) {
            refuse(line, "rule '" + name + "' uses extends, a unit or named consequences, which are not allowed", "write each rule on its own: when … then … end");
        }
        attributes(rule, name);
        annotations(rule, name);
        Bindings bindings = new Bindings();
        refusalLine = line;
        try {
            conditions(rule.getLhs(), bindings);
        } catch (Refusal refusal) {
            refuse(Math.max(line, refusalLine), "rule '" + name + "': " + refusal.getMessage(), refusal.hint());
            return;
        }
        consequence(rule, name, bindings);
    }

    private void attributes(RuleDescr rule, String name) {
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            String value = attribute.getValue().getValue();
            boolean allowed = switch (attribute.getKey()) {
                case "salience" -> value != null && SALIENCE.matcher(value.trim()).matches();
                case "no-loop" -> value == null || value.equals("true") || value.equals("false");
                default -> false;
            };
            if (!allowed) {
                refuse(Math.max(attribute.getValue().getLine(), rule.getLine()), "rule '" + name + "': attribute '" + attribute.getKey() + " "
                        + PlainText.excerpt(String.valueOf(value)) + "' is not allowed", "rules may only set salience to a whole number, and no-loop");
            }
        }
    }

    private void annotations(RuleDescr rule, String name) {
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            Object value = annotation.getValueMap().size() == 1 ? annotation.getValue(AnnotationDescr.VALUE) : null;
            if (!annotation.getName().equals("section") || !(value instanceof String text) || !SECTIONS.matcher(text).matches()) {
                refuse(Math.max(annotation.getLine(), rule.getLine()), "rule '" + name + "': annotation '@" + PlainText.excerpt(annotation.getName()) + "' is not allowed",
                        "annotate a rule only with @section(\"section-id\") or @section(\"id-one, id-two\")");
            }
        }
    }

    private void conditions(BaseDescr descr, Bindings bindings) {
        refusalLine = descr.getLine();
        Class<?> kind = descr.getClass();
        if (kind == AndDescr.class || kind == OrDescr.class || kind == NotDescr.class || kind == ExistsDescr.class) {
            for (BaseDescr child : ((ConditionalElementDescr) descr).getDescrs()) {
                conditions((BaseDescr) child, bindings);
            }
        } else if (kind == PatternDescr.class) {
            pattern((PatternDescr) descr, bindings, true);
        } else {
            throw new Refusal(keyword(descr) + " is not allowed in conditions", CONDITIONS);
        }
    }

    private void pattern(PatternDescr pattern, Bindings bindings, boolean mayAccumulate) {
        refusalLine = pattern.getLine();
        String type = String.valueOf(pattern.getObjectType());
        if (pattern.isQuery() || pattern.isUnification() || !pattern.getAnnotations().isEmpty() || !pattern.getBehaviors().isEmpty()) {
            throw new Refusal("pattern " + PlainText.excerpt(type) + " is a query call, a unification, annotated or windowed, which is not allowed", CONDITIONS);
        }
        FactTypes.FactType fact;
        if (pattern.getSource() == null) {
            fact = FactTypes.matchable(type).orElseThrow(() -> new Refusal("'" + PlainText.excerpt(type) + "' is not a fact type rules may match",
                    "match one of " + FactTypes.names() + "; Number only as the result of from accumulate(…)"));
        } else if (mayAccumulate && pattern.getSource().getClass() == AccumulateDescr.class && FactTypes.isNumber(type)) {
            accumulate((AccumulateDescr) pattern.getSource(), bindings);
            refusalLine = pattern.getLine();
            fact = FactTypes.NUMBER;
        } else if (pattern.getSource().getClass() == AccumulateDescr.class && mayAccumulate) {
            throw new Refusal("from accumulate(…) may only produce Number(…), not " + PlainText.excerpt(type), CONDITIONS);
        } else {
            throw new Refusal(keyword(pattern.getSource()) + " is not allowed as the source of a pattern", CONDITIONS);
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr) || expr.getClass() != ExprConstraintDescr.class
                    || expr.getType() != ExprConstraintDescr.Type.NAMED) {
                throw new Refusal("this constraint form is not allowed", ConstraintGrammar.HINT);
            }
            refusalLine = Math.max(expr.getLine(), pattern.getLine());
            expr.setExpression(constraints.canonical(expr.getExpression(), fact, bindings));
        }
        if (pattern.getIdentifier() != null) {
            refusalLine = pattern.getLine();
            bindings.bindFact(pattern.getIdentifier(), fact);
        }
    }

    private void accumulate(AccumulateDescr accumulate, Bindings bindings) {
        refusalLine = Math.max(accumulate.getLine(), refusalLine);
        boolean code = accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getResultCode() != null
                || accumulate.getReverseCode() != null || !accumulate.isExternalFunction();
        if (code || accumulate.getFunctions().size() != 1) {
            throw new Refusal("accumulate with init, action, reverse or result code, or more than one function, is not allowed",
                    "count or total facts with one function: from accumulate(Fact(…), count(1)), sum($x), min($x), max($x) or average($x)");
        }
        BaseDescr input = accumulate.getInput();
        if (input != null && input.getClass() == AndDescr.class && ((AndDescr) input).getDescrs().size() == 1) {
            input = ((AndDescr) input).getDescrs().get(0);
        }
        if (input == null || input.getClass() != PatternDescr.class) {
            throw new Refusal("accumulate may only read one fact pattern", CONDITIONS);
        }
        pattern((PatternDescr) input, bindings, false);
        AccumulateDescr.AccumulateFunctionCallDescr function = accumulate.getFunctions().get(0);
        if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction()) || function.getBind() != null || function.getParams().length != 1) {
            throw new Refusal("accumulate function '" + PlainText.excerpt(function.getFunction()) + "' is not allowed",
                    "use one of " + ACCUMULATE_FUNCTIONS + " with one argument, without binding it");
        }
        // An accumulated value is a $binding, a literal or arithmetic of them: what a consequence may pass on.
        Expression argument = expressions.parse(function.getParams()[0]);
        expressions.check(argument, new ExpressionGrammar.Reach(null, bindings));
        accumulate.removeFunction(function);
        accumulate.addFunction(function.getFunction(), null, false, new String[] {expressions.print(argument)});
    }

    private void consequence(RuleDescr rule, String name, Bindings bindings) {
        Object consequence = rule.getConsequence();
        String body = consequence instanceof String text ? text.stripLeading() : "";
        int first = consequenceLine(rule, body);
        try {
            ConsequenceGrammar.Printed printed = consequences.canonical(body, bindings);
            rule.setConsequence(printed.text());
            statementLines.put(rule, printed.lines().stream().map(line -> first + line - 1).toList());
        } catch (Refusal refusal) {
            int line = refusal.lineInText() >= 2 ? first + refusal.lineInText() - 2 : first;
            refuse(line, "rule '" + name + "': " + refusal.getMessage(), refusal.hint());
        }
    }

    /** The file line of the consequence's first statement: after 'then', where its text starts. */
    private int consequenceLine(RuleDescr rule, String body) {
        int then = Math.max(rule.getConsequenceLine(), rule.getLine());
        int from = 0;
        for (int line = 1; line < then && from >= 0; line++) {
            from = drl.indexOf('\n', from) + 1;
        }
        String firstLine = body.lines().findFirst().orElse("");
        int at = firstLine.isEmpty() || from < 0 ? -1 : drl.indexOf(firstLine, from);
        return at < 0 ? Math.max(then, 1) : lineAt(at);
    }

    /** The DRL words for a condition the grammar refuses. */
    private static String keyword(BaseDescr descr) {
        return switch (descr.getClass().getSimpleName()) {
            case "EvalDescr" -> "eval(…)";
            case "ForallDescr" -> "forall(…)";
            case "FromDescr" -> "from <expression>";
            case "CollectDescr" -> "collect(…)";
            case "EntryPointDescr" -> "from entry-point";
            case "WindowReferenceDescr" -> "from window";
            case "AccumulateDescr", "GroupByDescr" -> "accumulate/groupby here";
            case "ConditionalBranchDescr", "NamedConsequenceDescr" -> "if … do[…] / break[…]";
            default -> "this condition";
        };
    }

    private void refuseAll(Collection<? extends BaseDescr> declarations, String message) {
        for (BaseDescr declaration : declarations) {
            refuse(declaration.getLine(), message, ONLY_RULES);
        }
    }

    private void refuse(int line, String message, String hint) {
        problems.add(Problem.at(path, Math.max(line, 1), message, hint));
    }

    private int lineAt(int offset) {
        return (int) drl.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
