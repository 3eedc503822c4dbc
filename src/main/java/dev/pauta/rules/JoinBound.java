package dev.pauta.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The most fact combinations a rule's conditions can join: the product, over its patterns, of the facts each can match.
 * Drools builds a whole join step before any match exists, so a deadline cannot stop a join of large tables that matches
 * nothing; this bound refuses such a rule when the snapshot is built, from the table sizes of each locale.
 */
record JoinBound(List<String> tables) {

    /** More than an evaluation can go through within its time budget. */
    static final long MAX_COMBINATIONS = 100_000;
    /** The special needs or ledger entries one situation can bring, with room; the contact, customer, order and interaction are one each. */
    static final long MANY_SITUATION_FACTS = 20;
    private static final String ANY_TABLE = "*";
    // Not table names, which are lower-case letters, digits and -, so a table cannot pass for one fact.
    private static final String ONE = "#1";
    private static final String MANY = "#n";

    /** The patterns of an already checked rule: the table each reads, {@value #ANY_TABLE} for any row, or how many situation facts it can match. */
    static JoinBound of(RuleDescr rule, LanguageLevelOption level) {
        List<String> tables = new ArrayList<>();
        collect(rule.getLhs(), tables, level);
        return new JoinBound(List.copyOf(tables));
    }

    private static void collect(BaseDescr descr, List<String> tables, LanguageLevelOption level) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                collect(accumulate.getInput(), tables, level);
                return;
            }
            String type = FactTypes.matchable(String.valueOf(pattern.getObjectType())).map(FactTypes.FactType::name).orElse("");
            tables.add(switch (type) {
                case "PolicyRow" -> PatternTables.named(pattern, level).orElse(ANY_TABLE);
                case "SpecialNeed", "CompensationEntry" -> MANY;
                default -> ONE;
            });
        } else if (descr instanceof ConditionalElementDescr element) {
            element.getDescrs().forEach(child -> collect((BaseDescr) child, tables, level));
        }
    }

    /** The bound with these policy rows; saturates instead of overflowing. */
    long combinations(Map<String, Integer> rowsPerTable, int allRows) {
        long product = 1;
        for (String table : tables) {
            long facts = switch (table) {
                case ONE -> 1;
                case MANY -> MANY_SITUATION_FACTS;
                case ANY_TABLE -> allRows;
                default -> rowsPerTable.getOrDefault(table, 0);
            };
            if (facts > 1 && product > Long.MAX_VALUE / facts) {
                return Long.MAX_VALUE;
            }
            product *= Math.max(facts, 1);
        }
        return product;
    }
}
