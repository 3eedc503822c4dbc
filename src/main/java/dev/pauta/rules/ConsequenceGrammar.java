package dev.pauta.rules;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a rule's consequence may do: write to the outcome, and nothing else. Each statement is
 * {@code outcome.propose(kcontext, "TYPE", "CODE", priority)} or {@code outcome.hold(kcontext, "CODE", "REASON")},
 * optionally followed by {@code .param("name", value)}, {@code .text(value)} and {@code .script("CODE")}.
 */
final class ConsequenceGrammar {

    static final String HINT = "write only outcome.propose(kcontext, \"TYPE\", \"CODE\", priority) or outcome.hold(kcontext, \"CODE\", \"REASON\"), "
            + "each optionally followed by .param(\"name\", value), .text(value) or .script(\"CODE\"); one call per line, ending with ;";
    static final Set<String> ACTION_TYPES = Set.of("SAY", "ASK", "OFFER", "ESCALATE", "TRANSFER", "FOLLOW_UP", "INFORM", "DOCUMENT");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CODE_PART = Pattern.compile("[A-Z0-9_]+");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern PRIORITY = Pattern.compile("[0-9]{1,4}");

    private final ExpressionGrammar expressions;

    ConsequenceGrammar(ExpressionGrammar expressions) {
        this.expressions = expressions;
    }

    /**
     * The statements as they will be compiled, one per line, and the line each began on in the body (the first is 1), so
     * what is read from the printed statements can point at the line the author wrote.
     */
    record Printed(String text, List<Integer> lines) {
    }

    /**
     * @param body     the consequence, starting at its first statement
     * @param bindings what the rule's conditions bound
     * @return the statements as they will be compiled, printed from the checked tree
     * @throws Refusal with the line of the statement at fault, counted from the body's first line
     */
    Printed canonical(String body, Bindings bindings) {
        BlockStmt block = expressions.parseBlock("{\n" + body + "\n}");
        ExpressionGrammar.Reach reach = new ExpressionGrammar.Reach(null, bindings);
        List<String> printed = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Statement statement : block.getStatements()) {
            if (!(statement instanceof ExpressionStmt expression)) {
                throw new Refusal(describe(statement) + " is not allowed in a consequence", HINT, statement);
            }
            if (!startsAtOutcome(expression.getExpression())) {
                throw new Refusal("'" + PlainText.excerpt(expression.getExpression().toString()) + "' is not a call on outcome", HINT, statement);
            }
            chain(expression.getExpression(), reach);
            printed.add(expressions.print(statement));
            // The block opens with "{" on a line of its own, so the body's first line is the block's second.
            lines.add(statement.getBegin().map(p -> p.line - 1).orElse(1));
        }
        return new Printed(String.join("\n", printed), List.copyOf(lines));
    }

    /** Whether the statement is a chain of calls that begins with outcome.propose or outcome.hold. */
    private static boolean startsAtOutcome(Expression e) {
        Expression base = e;
        while (base instanceof MethodCallExpr call && call.getScope().isPresent() && call.getScope().get() instanceof MethodCallExpr inner) {
            base = inner;
        }
        return base instanceof MethodCallExpr call && call.getScope().isPresent() && call.getScope().get() instanceof NameExpr target
                && target.getNameAsString().equals("outcome") && (call.getNameAsString().equals("propose") || call.getNameAsString().equals("hold"));
    }

    private void chain(Expression e, ExpressionGrammar.Reach reach) {
        if (!(e instanceof MethodCallExpr call) || call.getTypeArguments().isPresent() || call.getScope().isEmpty()) {
            throw refuse(e, "'" + PlainText.excerpt(e.toString()) + "' is not a call on outcome");
        }
        Expression scope = call.getScope().get();
        List<Expression> args = call.getArguments();
        String name = call.getNameAsString();
        if (scope instanceof NameExpr target && target.getNameAsString().equals("outcome")) {
            if (name.equals("propose") && args.size() == 4) {
                kcontext(args.get(0));
                actionType(args.get(1));
                code(args.get(2), reach);
                priority(args.get(3));
            } else if (name.equals("hold") && args.size() == 3) {
                kcontext(args.get(0));
                code(args.get(1), reach);
                literal(args.get(2), CODE, "a reason is a scripts code in capitals, such as \"COUPON_CAP_REACHED\"");
            } else {
                throw refuse(call, "outcome." + name + " with " + args.size() + " argument(s) is not allowed");
            }
            return;
        }
        chain(scope, reach);
        if (name.equals("param") && args.size() == 2) {
            literal(args.get(0), PARAM, "a parameter name is a word such as \"percent\"");
            expressions.check(args.get(1), reach);
        } else if (name.equals("text") && args.size() == 1) {
            expressions.check(args.get(0), reach);
        } else if (name.equals("script") && args.size() == 1) {
            literal(args.get(0), CODE, "a script is a scripts code in capitals, such as \"TONE\"");
        } else {
            throw refuse(call, "." + name + " with " + args.size() + " argument(s) is not allowed");
        }
    }

    private static void kcontext(Expression e) {
        if (!(e instanceof NameExpr n) || !n.getNameAsString().equals("kcontext")) {
            throw refuse(e, "the first argument must be kcontext");
        }
    }

    private static void actionType(Expression e) {
        if (!(e instanceof StringLiteralExpr s) || !ACTION_TYPES.contains(s.getValue())) {
            throw new Refusal("'" + PlainText.excerpt(e.toString()) + "' is not an action type", "use one of " + new java.util.TreeSet<>(ACTION_TYPES), e);
        }
    }

    /** An action code: capitals, digits and _, or such a prefix joined with $bindings ("TONE_" + $type). */
    private void code(Expression e, ExpressionGrammar.Reach reach) {
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            code(b.getLeft(), reach);
            code(b.getRight(), reach);
        } else if (e instanceof NameExpr n && reach.bindings().has(n.getNameAsString())) {
            return;
        } else if (!(e instanceof StringLiteralExpr s) || !CODE_PART.matcher(s.getValue()).matches()) {
            throw new Refusal("'" + PlainText.excerpt(e.toString()) + "' is not an action code",
                    "write the code in capitals, such as \"DELAY_COUPON\", optionally joined with a $binding: \"TONE_\" + $type", e);
        }
    }

    private static void priority(Expression e) {
        if (!(e instanceof IntegerLiteralExpr i) || !PRIORITY.matcher(i.getValue()).matches()) {
            boolean negative = e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS;
            throw new Refusal("the priority '" + PlainText.excerpt(e.toString()) + "' is not a whole number from 0 to 9999",
                    negative ? "priorities are not negative; use 0 for the lowest" : "write the priority as digits", e);
        }
    }

    private static void literal(Expression e, Pattern shape, String hint) {
        if (!(e instanceof StringLiteralExpr s) || !shape.matcher(s.getValue()).matches()) {
            throw new Refusal("'" + PlainText.excerpt(e.toString()) + "' is not allowed here", hint, e);
        }
    }

    private static String describe(Statement statement) {
        String kind = statement.getClass().getSimpleName().replace("Stmt", "").toLowerCase();
        return switch (kind) {
            case "for", "foreach" -> "a 'for' loop";
            case "while", "do" -> "a '" + kind + "' loop";
            case "block" -> "a block { … }";
            case "localclassdeclaration", "localrecorddeclaration" -> "a class declaration";
            case "expression" -> "this statement";
            default -> "a '" + kind + "' statement";
        };
    }

    private static Refusal refuse(Expression e, String message) {
        return new Refusal(message, HINT, e);
    }
}
