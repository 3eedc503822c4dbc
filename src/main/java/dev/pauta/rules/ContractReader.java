package dev.pauta.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.pauta.manual.Problem;
import dev.pauta.rules.RuleContract.CodePart;
import dev.pauta.rules.RuleContract.ColumnRead;
import dev.pauta.rules.RuleContract.Emit;
import dev.pauta.rules.RuleContract.TableRead;
import dev.pauta.rules.RuleContract.Use;
import dev.pauta.rules.RuleContract.Worth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Reads a {@link RuleContract} from a rule {@link RuleGrammar} has checked: walks Drools' constraint trees and
 * JavaParser's expression trees of the printed rule, never its text. Refuses what would leave a gap no validation could
 * see: cells read from a pattern that names no single table, a column not named in quotes, and a code joined from a
 * value that is not a code the manual lists. One instance per rule; not thread-safe. Kept in one class because each
 * refusal depends on what the walk has bound so far (facts, tables, columns), which splitting would have to pass around.
 */
final class ContractReader {

    private static final String POLICY_ROW = "PolicyRow";
    private static final Set<BinaryExpr.Operator> COMPARISONS = Set.of(BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS);
    private static final Set<BinaryExpr.Operator> ARITHMETIC = Set.of(BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS,
            BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.REMAINDER);
    private static final String CODE_HINT = "join only literal text with a $binding of a vocabulary code (Contact channel or intent, Customer tier "
            + "or type, SpecialNeed code) or of a text column of a policy table, such as \"TONE_\" + $type";

    /** Where an expression is read: on a pattern of this type (and, for a PolicyRow, the one table it names), or in the consequence. */
    private record Where(FactTypes.FactType type, String table) {
        static final Where CONSEQUENCE = new Where(null, null);
    }

    /** What a $name stands for: a fact (and the table its pattern names), or a value, where it comes from, and whether it is a number. */
    private record Bound(FactTypes.FactType fact, String table, CodePart source, boolean number) {
        static Bound value(CodePart source, boolean number) {
            return new Bound(null, null, source, number);
        }
    }

    private final LanguageLevelOption level;
    private final ExpressionGrammar expressions = new ExpressionGrammar();
    private final Map<String, Bound> bindings = new HashMap<>();
    private final Set<TableRead> tables = new LinkedHashSet<>();
    private final Set<ColumnRead> columns = new LinkedHashSet<>();
    private final List<Emit> emits = new ArrayList<>();
    /** The line being read, so a refusal points at its pattern or statement. */
    private int line;

    private ContractReader(LanguageLevelOption level) {
        this.level = level;
    }

    /**
     * @param statementLines the file line of each statement of the printed consequence, in order
     * @return the contract, or empty with a problem at the line at fault
     */
    static Optional<RuleContract> read(String path, RuleDescr rule, LanguageLevelOption level, List<Integer> statementLines, List<Problem> problems) {
        ContractReader reader = new ContractReader(level);
        int ruleLine = Math.max(rule.getLine(), 1);
        reader.line = ruleLine;
        try {
            reader.conditions(rule.getLhs(), ruleLine);
            reader.consequence(String.valueOf(rule.getConsequence()), statementLines, ruleLine);
        } catch (Refusal refusal) {
            problems.add(Problem.at(path, reader.line, "rule '" + PlainText.excerpt(rule.getName()) + "': " + refusal.getMessage(), refusal.hint()));
            return Optional.empty();
        }
        return Optional.of(new RuleContract(rule.getName(), path, ruleLine, List.copyOf(reader.tables), List.copyOf(reader.columns), reader.emits));
    }

    private void conditions(BaseDescr descr, int ruleLine) {
        if (descr instanceof PatternDescr pattern) {
            pattern(pattern, ruleLine);
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(child -> conditions((BaseDescr) child, ruleLine));
        }
    }

    private void pattern(PatternDescr pattern, int ruleLine) {
        FactTypes.FactType type;
        if (pattern.getSource() instanceof AccumulateDescr accumulate) {
            BaseDescr input = accumulate.getInput();
            if (input instanceof AndDescr and && and.getDescrs().size() == 1) {
                input = and.getDescrs().get(0);
            }
            conditions(input, ruleLine);
            line = Math.max(pattern.getLine(), ruleLine);
            for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
                for (String argument : function.getParams()) {
                    visit(expressions.parse(argument), Where.CONSEQUENCE, false);
                }
            }
            type = FactTypes.NUMBER;
        } else {
            type = FactTypes.matchable(String.valueOf(pattern.getObjectType())).orElseThrow();
        }
        line = Math.max(pattern.getLine(), ruleLine);
        List<ConstraintConnectiveDescr> constraints = new ArrayList<>();
        for (BaseDescr constraint : pattern.getDescrs()) {
            constraints.add(PatternTables.parse(((ExprConstraintDescr) constraint).getExpression(), level));
        }
        String table = null;
        if (type.name().equals(POLICY_ROW)) {
            constraints.forEach(c -> PatternTables.mentioned(c).forEach(t -> tables.add(new TableRead(t, line))));
            table = PatternTables.named(pattern, level).orElse(null);
        }
        Where where = new Where(type, table);
        constraints.forEach(c -> walk(c, where, false));
        if (pattern.getIdentifier() != null) {
            bindings.put(pattern.getIdentifier(), new Bound(type, table, null, false));
        }
    }

    private void walk(BaseDescr descr, Where where, boolean compared) {
        if (descr instanceof ConstraintConnectiveDescr c) {
            c.getDescrs().forEach(d -> walk(d, where, false));
        } else if (descr instanceof RelationalExprDescr r) {
            walk(r.getLeft(), where, true);
            walk(r.getRight(), where, true);
        } else if (descr instanceof BindingDescr b) {
            Expression value = expressions.parse(b.getExpression());
            visit(value, where, compared);
            bindings.put(b.getVariable(), bound(value, where));
        } else if (descr instanceof AtomicExprDescr a) {
            visit(expressions.parse(a.getExpression()), where, compared);
        }
    }

    /** Records the cells an expression reads; {@code compared} when its value is compared, or joined into a code. */
    private void visit(Expression e, Where where, boolean compared) {
        if (e instanceof MethodCallExpr call) {
            call(call, where, compared);
        } else if (e instanceof BinaryExpr b) {
            boolean passOn = COMPARISONS.contains(b.getOperator()) || ARITHMETIC.contains(b.getOperator()) && compared;
            visit(b.getLeft(), where, passOn);
            visit(b.getRight(), where, passOn);
        } else if (e instanceof UnaryExpr u) {
            visit(u.getExpression(), where, compared && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT);
        } else if (e instanceof EnclosedExpr enclosed) {
            visit(enclosed.getInner(), where, compared);
        } else if (e instanceof NameExpr name && compared) {
            Bound bound = bindings.get(name.getNameAsString());
            if (bound != null && bound.source() instanceof CodePart.Column column && !bound.number()) {
                columns.add(new ColumnRead(column.table(), column.column(), Use.CODE, line));
            }
        }
    }

    private void call(MethodCallExpr call, Where where, boolean compared) {
        Where target = target(call, where);
        String name = call.getNameAsString();
        if (target.type() == null || !target.type().name().equals(POLICY_ROW)) {
            call.getArguments().forEach(argument -> visit(argument, where, false));
            return;
        }
        String column = column(call);
        Use use = switch (name) {
            case "num" -> Use.NUMBER;
            case "lists" -> Use.LIST;
            default -> compared ? Use.CODE : Use.WORDS;
        };
        columns.add(new ColumnRead(target.table(), column, use, line));
        if (name.equals("lists")) {
            // The second argument is compared with each code the cell lists.
            visit(call.getArgument(1), where, true);
        }
    }

    /** The pattern or bound row an accessor reads; a PolicyRow must name its one table for its cells to be checked. */
    private Where target(MethodCallExpr call, Where where) {
        Where target = where;
        if (call.getScope().isPresent() && call.getScope().get() instanceof NameExpr scope) {
            Bound bound = bindings.get(scope.getNameAsString());
            target = bound == null || bound.fact() == null ? Where.CONSEQUENCE : new Where(bound.fact(), bound.table());
        }
        if (target.type() != null && target.type().name().equals(POLICY_ROW) && target.table() == null) {
            throw new Refusal(call.getNameAsString() + "(…) reads a cell of a PolicyRow pattern that names no single table, so no check can see which",
                    "name the table among the pattern's constraints: PolicyRow(table == \"delay-coupons\", …), one table per pattern");
        }
        return target;
    }

    private static String column(MethodCallExpr call) {
        if (call.getArguments().isEmpty() || !(call.getArgument(0) instanceof StringLiteralExpr literal)) {
            throw new Refusal(call.getNameAsString() + "(…) names its column with something other than a quoted name, so no check can see which",
                    "name the column in quotes, as the table's header does in backticks: num(\"percent\")");
        }
        return literal.getValue();
    }

    /** What a bound value stands for. */
    private Bound bound(Expression e, Where where) {
        if (e instanceof EnclosedExpr enclosed) {
            return bound(enclosed.getInner(), where);
        }
        if (e instanceof NameExpr name) {
            Bound earlier = bindings.get(name.getNameAsString());
            if (earlier != null) {
                return earlier;
            }
            return where.type() == null ? Bound.value(null, false)
                    : Bound.value(new CodePart.Property(where.type().name(), name.getNameAsString()), where.type().numbers().contains(name.getNameAsString()));
        }
        if (e instanceof FieldAccessExpr field && field.getScope() instanceof NameExpr scope && bindings.get(scope.getNameAsString()) != null
                && bindings.get(scope.getNameAsString()).fact() != null) {
            FactTypes.FactType fact = bindings.get(scope.getNameAsString()).fact();
            return Bound.value(new CodePart.Property(fact.name(), field.getNameAsString()), fact.numbers().contains(field.getNameAsString()));
        }
        if (e instanceof MethodCallExpr call) {
            Where target = target(call, where);
            boolean cell = target.type() != null && target.type().name().equals(POLICY_ROW);
            if (cell && call.getNameAsString().equals("text")) {
                return Bound.value(new CodePart.Column(target.table(), column(call)), false);
            }
            return Bound.value(null, cell && call.getNameAsString().equals("num"));
        }
        if (e instanceof StringLiteralExpr literal) {
            return Bound.value(new CodePart.Literal(literal.getValue()), false);
        }
        return Bound.value(null, isNumber(e, where));
    }

    private boolean isNumber(Expression e, Where where) {
        if (e instanceof IntegerLiteralExpr || e instanceof DoubleLiteralExpr) {
            return true;
        }
        if (e instanceof UnaryExpr u) {
            return u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT && isNumber(u.getExpression(), where);
        }
        if (e instanceof BinaryExpr b) {
            return ARITHMETIC.contains(b.getOperator()) && isNumber(b.getLeft(), where) && isNumber(b.getRight(), where);
        }
        return bound(e, where).number();
    }

    private void consequence(String body, List<Integer> statementLines, int ruleLine) {
        List<Statement> statements = expressions.parseBlock("{\n" + body + "\n}").getStatements();
        for (int i = 0; i < statements.size(); i++) {
            line = i < statementLines.size() ? statementLines.get(i) : ruleLine;
            emit(((ExpressionStmt) statements.get(i)).getExpression());
        }
    }

    /** One outcome.propose(…) or outcome.hold(…) chain, already checked by the grammar. */
    private void emit(Expression statement) {
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression at = statement;
        while (at instanceof MethodCallExpr call && call.getScope().isPresent()) {
            chain.add(0, call);
            at = call.getScope().get();
        }
        MethodCallExpr base = chain.get(0);
        boolean hold = base.getNameAsString().equals("hold");
        Expression code = base.getArgument(hold ? 1 : 2);
        String type = hold ? null : literal(base.getArgument(1));
        String reason = hold ? literal(base.getArgument(2)) : null;
        List<CodePart> parts = new ArrayList<>();
        parts(code, parts);
        String script = null;
        Worth worth = Worth.NONE;
        for (MethodCallExpr call : chain.subList(1, chain.size())) {
            switch (call.getNameAsString()) {
                case "script" -> script = literal(call.getArgument(0));
                case "param" -> {
                    visit(call.getArgument(1), Where.CONSEQUENCE, false);
                    if (!hold && literal(call.getArgument(0)).equals("percent")) {
                        worth = isNumber(call.getArgument(1), Where.CONSEQUENCE) ? Worth.NUMBER : Worth.NOT_A_NUMBER;
                    }
                }
                default -> call.getArguments().forEach(argument -> visit(argument, Where.CONSEQUENCE, false));
            }
        }
        emits.add(new Emit(type, parts, expressions.print(code), reason, script, worth, line));
    }

    private void parts(Expression code, List<CodePart> parts) {
        if (code instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            parts(b.getLeft(), parts);
            parts(b.getRight(), parts);
        } else if (code instanceof StringLiteralExpr literal) {
            parts.add(new CodePart.Literal(literal.getValue()));
        } else {
            String name = code.toString();
            Bound bound = bindings.get(name);
            if (bound == null || bound.fact() != null || bound.number() || bound.source() == null) {
                throw new Refusal("the code joins " + name + ", which is not a code the manual lists, so no check can see which scripts it needs", CODE_HINT);
            }
            if (bound.source() instanceof CodePart.Column column) {
                columns.add(new ColumnRead(column.table(), column.column(), Use.CODE, line));
            }
            parts.add(bound.source());
        }
    }

    private static String literal(Expression e) {
        return ((StringLiteralExpr) e).getValue();
    }
}
