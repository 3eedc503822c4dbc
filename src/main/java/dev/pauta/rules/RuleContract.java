package dev.pauta.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What one rule reads from the manual's policy tables and what it can emit, read from its checked parse tree: the
 * contract validation holds every locale of the manual to. Immutable.
 *
 * @param tables  the tables its {@code PolicyRow} patterns name with {@code table == "…"}
 * @param columns the cells it reads with {@code text}, {@code num} or {@code lists}, on a pattern or through a bound row
 * @param emits   what its consequence proposes and holds, one entry per statement
 */
public record RuleContract(String rule, String path, int line, List<TableRead> tables, List<ColumnRead> columns, List<Emit> emits) {

    public RuleContract {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        emits = List.copyOf(emits);
    }

    /** A table a pattern names, at the pattern's line. */
    public record TableRead(String table, int line) {
    }

    /** A column read on the rows of one table, how it is used, and the line of the pattern or statement that reads it. */
    public record ColumnRead(String table, String column, Use use, int line) {
    }

    /** How a rule uses a cell. */
    public enum Use {
        /** Read with {@code num(…)}. */
        NUMBER,
        /** Read with {@code lists(…)}: a comma-separated list of codes. */
        LIST,
        /** Compared with {@code == != < …}, or joined into an action code: a code or key that decides what the rule does. */
        CODE,
        /** Passed on as words (a parameter, the action's text, what a customer mentions): translated per locale. */
        WORDS;

        /** Whether the cell decides what the rule does, so that it must read the same in every locale. */
        public boolean decides() {
            return this != WORDS;
        }
    }

    /** How an offer declares its worth: the {@code percent} parameter. */
    public enum Worth {
        /** No {@code .param("percent", …)}, or not a proposal. */
        NONE,
        /** A number: a literal, a {@code num(…)} cell, a numeric property, or arithmetic on them. */
        NUMBER,
        /** Something that is not a number, such as a text cell. */
        NOT_A_NUMBER
    }

    /** One part of an action code: literal text, or a $binding whose values are a vocabulary's codes or a text column's cells. */
    public sealed interface CodePart {

        /** Capitals, digits and _ written in the rule. */
        record Literal(String text) implements CodePart {
        }

        /** A fact property, such as {@code SpecialNeed.code}: its values are the codes of the vocabulary behind it, if any. */
        record Property(String fact, String property) implements CodePart {
            public String key() {
                return fact + "." + property;
            }
        }

        /** A text column of a policy table: its values are the column's cells. */
        record Column(String table, String column) implements CodePart {
        }
    }

    /**
     * One statement of the consequence: a proposal ({@code type} set) or a hold ({@code reason} set).
     *
     * @param code    the parts joined into the action code
     * @param written the code as the rule writes it, such as {@code "ACCOMMODATE_" + $need}
     * @param script  the scripts code named with {@code .script("…")}, or null when the words come from the code's own script
     */
    public record Emit(String type, List<CodePart> code, String written, String reason, String script, Worth worth, int line) {

        public Emit {
            code = List.copyOf(code);
        }

        public boolean isHold() {
            return type == null;
        }

        /** How many codes the parts can join into; saturates instead of overflowing. */
        public long combinations(Function<CodePart, Set<String>> values) {
            long product = 1;
            for (CodePart part : code) {
                long size = part instanceof CodePart.Literal ? 1 : values.apply(part).size();
                product = size > 1 && product > Long.MAX_VALUE / size ? Long.MAX_VALUE : product * size;
            }
            return product;
        }

        /** Every code the parts can join into, given the values each $binding part can take; call after {@link #combinations}. */
        public Set<String> codes(Function<CodePart, Set<String>> values) {
            List<String> joined = List.of("");
            for (CodePart part : code) {
                Set<String> choices = part instanceof CodePart.Literal literal ? Set.of(literal.text()) : values.apply(part);
                List<String> next = new ArrayList<>();
                joined.forEach(prefix -> choices.forEach(choice -> next.add(prefix + choice)));
                joined = next;
            }
            return new LinkedHashSet<>(joined);
        }
    }
}
