package dev.pauta.rules;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;

/** How a checked {@code PolicyRow} pattern names its table: {@code table == "name"}, read from Drools' constraint tree. */
final class PatternTables {

    private PatternTables() {
    }

    /** The one table the pattern names among the constraints it must meet (joined by , or &&), if it names exactly one. */
    static Optional<String> named(PatternDescr pattern, LanguageLevelOption level) {
        Set<String> named = new LinkedHashSet<>();
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                required(parse(expr.getExpression(), level), named);
            }
        }
        return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
    }

    /** Every table a constraint compares {@code table} with, under || too: those tables' rows must reach the rules. */
    static Set<String> mentioned(BaseDescr descr) {
        Set<String> tables = new LinkedHashSet<>();
        if (descr instanceof ConstraintConnectiveDescr c) {
            c.getDescrs().forEach(d -> tables.addAll(mentioned(d)));
        } else if (descr instanceof RelationalExprDescr r) {
            tableNamed(r).ifPresent(tables::add);
        }
        return tables;
    }

    static ConstraintConnectiveDescr parse(String constraint, LanguageLevelOption level) {
        return DrlExprParserFactory.getDrlExprParser(level).parse(constraint);
    }

    private static void required(BaseDescr descr, Set<String> named) {
        if (descr instanceof ConstraintConnectiveDescr c && c.getConnective() == ConnectiveType.AND) {
            c.getDescrs().forEach(d -> required(d, named));
        } else if (descr instanceof RelationalExprDescr r && r.getOperator().equals("==")) {
            tableNamed(r).ifPresent(named::add);
        }
    }

    /** The table a comparison of the {@code table} property with a quoted name names. */
    private static Optional<String> tableNamed(RelationalExprDescr r) {
        Optional<String> left = atom(r.getLeft());
        Optional<String> right = atom(r.getRight());
        if (left.filter("table"::equals).isPresent()) {
            return right.flatMap(PatternTables::quoted);
        }
        return right.filter("table"::equals).isPresent() ? left.flatMap(PatternTables::quoted) : Optional.empty();
    }

    private static Optional<String> atom(BaseDescr descr) {
        return descr instanceof AtomicExprDescr a ? Optional.of(a.getExpression().trim()) : Optional.empty();
    }

    private static Optional<String> quoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") && text.indexOf('"', 1) == text.length() - 1
                ? Optional.of(text.substring(1, text.length() - 1)) : Optional.empty();
    }
}
