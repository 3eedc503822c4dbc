package dev.pauta.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The expressions a rule may compute, read with JavaParser: literals, a pattern's own properties and accessors,
 * {@code $bindings}, accessors on a bound fact, arithmetic, comparisons and boolean operators. Everything else is
 * refused. Expressions that pass are printed back without comments, and that print is what gets compiled. One
 * instance per check; not thread-safe.
 */
final class ExpressionGrammar {

    /** Where an expression stands: in a constraint on a pattern of {@code pattern}'s type, or (pattern null) in a consequence. */
    record Reach(FactTypes.FactType pattern, Bindings bindings) {
        boolean inConsequence() {
            return pattern == null;
        }
    }

    static final String HINT = "use literals, the pattern's properties, $bindings, accessors such as text(\"col\") or $row.text(\"col\"), "
            + "arithmetic and comparisons; nothing else";
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");
    private static final Set<BinaryExpr.Operator> ARITHMETIC = Set.of(BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS,
            BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.DIVIDE, BinaryExpr.Operator.REMAINDER);
    private static final Set<BinaryExpr.Operator> LOGIC = Set.of(BinaryExpr.Operator.AND, BinaryExpr.Operator.OR, BinaryExpr.Operator.EQUALS,
            BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER,
            BinaryExpr.Operator.GREATER_EQUALS);
    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(ObjectCreationExpr.class, "'new'"), Map.entry(ArrayCreationExpr.class, "an array"), Map.entry(CastExpr.class, "a cast"),
            Map.entry(ClassExpr.class, "a class literal"), Map.entry(LambdaExpr.class, "a lambda"), Map.entry(MethodReferenceExpr.class, "a method reference"),
            Map.entry(ArrayAccessExpr.class, "array access"), Map.entry(ThisExpr.class, "'this'"), Map.entry(SuperExpr.class, "'super'"),
            Map.entry(ConditionalExpr.class, "a conditional (?:) expression"), Map.entry(AssignExpr.class, "an assignment"),
            Map.entry(InstanceOfExpr.class, "instanceof"), Map.entry(CharLiteralExpr.class, "a character literal"),
            Map.entry(TextBlockLiteralExpr.class, "a text block"), Map.entry(SwitchExpr.class, "a switch"));

    private final JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    private final DefaultPrettyPrinter printer = new DefaultPrettyPrinter(new DefaultPrinterConfiguration()
            .removeOption(new DefaultConfigurationOption(DefaultPrinterConfiguration.ConfigOption.PRINT_COMMENTS)));

    Expression parse(String text) {
        ParseResult<Expression> result = parser.parseExpression(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new Refusal("'" + PlainText.excerpt(text) + "' is not an expression a rule may use", HINT);
        }
        return result.getResult().get();
    }

    BlockStmt parseBlock(String text) {
        ParseResult<BlockStmt> result = parser.parseBlock(text);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            throw new Refusal("the consequence is not a list of outcome calls", ConsequenceGrammar.HINT);
        }
        return result.getResult().get();
    }

    /** The node as it will be compiled: printed from the tree, without comments. */
    String print(Node node) {
        return printer.print(node);
    }

    /** Checks a value: what a constraint compares or binds, an accessor's argument, or what a consequence passes on. */
    void check(Expression e, Reach reach) {
        if (e instanceof StringLiteralExpr s) {
            requirePlain(s);
        } else if (e instanceof IntegerLiteralExpr || e instanceof DoubleLiteralExpr) {
            String digits = ((LiteralStringValueExpr) e).getValue();
            if (!NUMBER.matcher(digits).matches()) {
                throw refuse(e, "the number " + PlainText.excerpt(digits) + " is not written as digits with an optional decimal point");
            }
        } else if (e instanceof BooleanLiteralExpr) {
            return;
        } else if (e instanceof NullLiteralExpr && !reach.inConsequence()) {
            return;
        } else if (e instanceof NameExpr n) {
            name(n, reach);
        } else if (e instanceof FieldAccessExpr f) {
            FactTypes.FactType type = boundFact(f.getScope(), reach, f);
            if (reach.inConsequence() || !type.properties().contains(f.getNameAsString())) {
                throw refuse(f, "'" + PlainText.excerpt(f.toString()) + "' is not a property a rule may read here");
            }
        } else if (e instanceof MethodCallExpr m) {
            call(m, reach);
        } else if (e instanceof BinaryExpr b) {
            boolean allowed = ARITHMETIC.contains(b.getOperator()) || !reach.inConsequence() && LOGIC.contains(b.getOperator());
            if (!allowed) {
                throw refuse(b, "the operator " + b.getOperator().asString() + " is not allowed here");
            }
            check(b.getLeft(), reach);
            check(b.getRight(), reach);
        } else if (e instanceof UnaryExpr u) {
            boolean allowed = u.getOperator() == UnaryExpr.Operator.MINUS || u.getOperator() == UnaryExpr.Operator.PLUS
                    || !reach.inConsequence() && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
            if (!allowed) {
                throw refuse(u, "the operator " + u.getOperator().asString() + " is not allowed here");
            }
            check(u.getExpression(), reach);
        } else if (e instanceof EnclosedExpr enclosed) {
            check(enclosed.getInner(), reach);
        } else {
            throw refuse(e, NAMES.getOrDefault(e.getClass(), "'" + PlainText.excerpt(e.toString()) + "'") + " is not allowed in a rule");
        }
    }

    void requirePlain(StringLiteralExpr s) {
        if (!PlainText.isPlain(s.getValue())) {
            throw new Refusal("the string \"" + PlainText.excerpt(s.getValue()) + "\" holds characters rules may not use", PlainText.HINT, s);
        }
    }

    private void name(NameExpr n, Reach reach) {
        String name = n.getNameAsString();
        if (reach.bindings().has(name)) {
            return;
        }
        if (name.startsWith("$")) {
            throw new Refusal("'" + name + "' is not bound before it is used", "bind it in an earlier pattern or constraint: $name : property", n);
        }
        if (!reach.inConsequence() && reach.pattern().properties().contains(name)) {
            return;
        }
        throw new Refusal("'" + name + "' is not " + (reach.inConsequence() ? "a $binding of this rule"
                : "a property of " + reach.pattern().name() + " " + reach.pattern().properties() + " nor a $binding"), HINT, n);
    }

    private void call(MethodCallExpr m, Reach reach) {
        if (m.getTypeArguments().isPresent()) {
            throw refuse(m, "type arguments are not allowed");
        }
        FactTypes.FactType target;
        if (m.getScope().isEmpty()) {
            if (reach.inConsequence()) {
                throw refuse(m, "'" + m.getNameAsString() + "(…)' may not be called here");
            }
            target = reach.pattern();
        } else {
            target = boundFact(m.getScope().get(), reach, m);
        }
        Integer arity = target.accessors().get(m.getNameAsString());
        if (arity == null || arity != m.getArguments().size()) {
            throw new Refusal("'" + m.getNameAsString() + "' with " + m.getArguments().size() + " argument(s) is not an accessor of " + target.name(),
                    target.accessors().isEmpty() ? target.name() + " has no accessors; read its properties " + target.properties()
                            : "call one of " + target.accessors().keySet() + " with one argument", m);
        }
        m.getArguments().forEach(argument -> check(argument, reach));
    }

    private FactTypes.FactType boundFact(Expression scope, Reach reach, Node at) {
        if (scope instanceof NameExpr n) {
            return reach.bindings().factOf(n.getNameAsString()).orElseThrow(() -> refuse(at,
                    "'" + PlainText.excerpt(at.toString()) + "' reaches through '" + n.getNameAsString() + "', which is not a bound fact"));
        }
        check(scope, reach);
        throw refuse(at, "'" + PlainText.excerpt(at.toString()) + "' reaches through something other than a bound fact ($row : PolicyRow(…))");
    }

    private static Refusal refuse(Node node, String message) {
        return new Refusal(message, HINT, node);
    }
}
