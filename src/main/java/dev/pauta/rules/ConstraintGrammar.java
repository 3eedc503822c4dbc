package dev.pauta.rules;

import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * One constraint of a pattern, read by Drools' own expression parser: comparisons with {@code == != < <= > >=} joined by
 * {@code &&} and {@code ||}, a {@code $binding : value} up front, and values that {@link ExpressionGrammar} allows. The
 * constraint is printed back from the checked tree, and a constraint the parser read only in part is refused.
 */
final class ConstraintGrammar {

    static final String HINT = "write comparisons such as intent == \"COMPLAINT\" or num(\"minDays\") <= $days, joined with && or ||, "
            + "and bindings as $name : property";
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final LanguageLevelOption level;
    private final ExpressionGrammar expressions;

    ConstraintGrammar(LanguageLevelOption level, ExpressionGrammar expressions) {
        this.level = level;
        this.expressions = expressions;
    }

    /** The constraint as it will be compiled; binds what it binds. */
    String canonical(String constraint, FactTypes.FactType pattern, Bindings bindings) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(level);
        ConstraintConnectiveDescr top = parser.parse(constraint);
        if (parser.hasErrors() || top == null) {
            throw new Refusal("the constraint '" + PlainText.excerpt(constraint) + "' cannot be read", HINT);
        }
        ExpressionGrammar.Reach reach = new ExpressionGrammar.Reach(pattern, bindings);
        String printed = top.getConnective() == ConnectiveType.AND && top.getDescrs().size() == 1
                ? part(top.getDescrs().get(0), reach, true)
                : connective(top, reach, true);
        // The parser stops quietly at what it does not know ("a == 1 ; …", "… ? x : y"); what it skipped must not be compiled unseen.
        if (!skeleton(printed).equals(skeleton(constraint))) {
            throw new Refusal("only part of the constraint '" + PlainText.excerpt(constraint) + "' could be read", HINT);
        }
        return printed;
    }

    private String part(BaseDescr descr, ExpressionGrammar.Reach reach, boolean top) {
        if (descr instanceof ConstraintConnectiveDescr c) {
            return connective(c, reach, top);
        }
        if (descr instanceof RelationalExprDescr r) {
            if (!OPERATORS.contains(r.getOperator()) || r.isNegated() || r.getParameters() != null && !r.getParameters().isEmpty()) {
                throw new Refusal("the operator '" + (r.isNegated() ? "not " : "") + r.getOperator() + "' is not allowed", "compare with == != < <= > >= only");
            }
            String left = r.getLeft() instanceof BindingDescr b && top ? binding(b, reach) : atomic(r.getLeft(), reach);
            return left + " " + r.getOperator() + " " + atomic(r.getRight(), reach);
        }
        if (descr instanceof BindingDescr b && top) {
            return binding(b, reach);
        }
        return atomic(descr, reach);
    }

    private String connective(ConstraintConnectiveDescr c, ExpressionGrammar.Reach reach, boolean top) {
        String joint = switch (c.getConnective()) {
            case AND -> " && ";
            case OR -> " || ";
            default -> throw new Refusal("the connective '" + c.getConnective() + "' is not allowed", "join comparisons with && or ||");
        };
        List<String> parts = new ArrayList<>();
        c.getDescrs().forEach(d -> parts.add(part(d, reach, false)));
        String joined = String.join(joint, parts);
        return top ? joined : "(" + joined + ")";
    }

    private String binding(BindingDescr b, ExpressionGrammar.Reach reach) {
        if (b.isUnification()) {
            throw new Refusal("unification (:=) is not allowed", "bind with $name : property");
        }
        String value = expressions.print(checked(b.getExpression(), reach));
        reach.bindings().bindValue(b.getVariable());
        return b.getVariable() + " : " + value;
    }

    private String atomic(BaseDescr descr, ExpressionGrammar.Reach reach) {
        if (descr instanceof BindingDescr) {
            throw new Refusal("a binding may only start a constraint", "bind first, then compare: $minutes : waitMinutes >= $after");
        }
        if (!(descr instanceof AtomicExprDescr a)) {
            throw new Refusal("this part of the constraint is not allowed", HINT);
        }
        return expressions.print(checked(a.getExpression(), reach));
    }

    private Expression checked(String text, ExpressionGrammar.Reach reach) {
        Expression expression = expressions.parse(text);
        expressions.check(expression, reach);
        return expression;
    }

    /** The text without spaces and parentheses: what the printed tree and the written constraint must share. */
    private static String skeleton(String text) {
        return text.replaceAll("[\\s()]", "");
    }
}
