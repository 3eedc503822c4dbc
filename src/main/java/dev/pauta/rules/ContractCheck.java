package dev.pauta.rules;

import dev.pauta.manual.Manual;
import dev.pauta.manual.PolicyTable;
import dev.pauta.manual.Problem;
import dev.pauta.manual.TableRow;
import dev.pauta.rules.RuleContract.ColumnRead;
import dev.pauta.rules.RuleContract.TableRead;
import dev.pauta.rules.RuleContract.Use;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds every locale of a manual to what the rules read from it: each table and column a rule reads exists in every
 * locale, the cells it reads as numbers are numbers, and the cells that decide what a rule does (numbers, code lists,
 * codes it compares or builds codes from) are the same in every locale, row by row, so a customer gets the same outcome
 * whatever their language. The codes rules emit are checked by {@link CodeContract}. Every problem names a path, a line
 * and a hint. Thread-safe.
 */
public final class ContractCheck {

    private final Manual manual;
    private final Set<String> engineTables;
    private final CodeContract codes;

    /**
     * @param engineTables tables the engine reads itself and never hands to rules
     * @param scripts      the script codes of each locale
     * @param vocabularies for each locale, the codes a fact property can hold, by {@code Fact.property} ({@code SpecialNeed.code})
     * @param offerScripts the scripts that explain, in each locale, why an offer was not made
     */
    public ContractCheck(Manual manual, Set<String> engineTables, Map<String, Set<String>> scripts,
            Map<String, Map<String, Set<String>>> vocabularies, Set<String> offerScripts) {
        this.manual = manual;
        this.engineTables = Set.copyOf(engineTables);
        this.codes = new CodeContract(manual, scripts, vocabularies, offerScripts);
    }

    public List<Problem> problems(List<RuleContract> contracts) {
        Set<Problem> problems = new LinkedHashSet<>();
        // Many rules may read one column: a table's own problem is reported once, naming the first rule that reads it.
        Set<String> cells = new TreeSet<>();
        for (RuleContract contract : contracts) {
            tables(contract, problems);
            columns(contract, problems, cells);
        }
        sameInEveryLocale(contracts, problems);
        problems.addAll(codes.problems(contracts));
        return List.copyOf(problems);
    }

    private void tables(RuleContract contract, Set<Problem> problems) {
        Set<String> seen = new TreeSet<>();
        for (TableRead read : contract.tables()) {
            if (!seen.add(read.table())) {
                continue;
            }
            String rule = "rule '" + contract.rule() + "' reads table '" + read.table() + "'";
            Map<String, PolicyTable> held = held(read.table());
            if (engineTables.contains(read.table())) {
                problems.add(Problem.at(contract.path(), read.line(), rule + ", which the engine reads itself: its rows never reach the rules, so the rule never fires",
                        "read a policy table; an action's words come from the scripts tables through its code or .script(\"CODE\")"));
            } else if (held.isEmpty()) {
                problems.add(Problem.at(contract.path(), read.line(), rule + ", which no section of the manual holds, so the rule never fires",
                        "name a table the manual holds (manual/README.md lists them), or add '<!-- table: " + read.table() + " -->' and its table in every locale"));
            } else if (held.size() < manual.locales().size()) {
                Set<String> lacking = new TreeSet<>(manual.locales());
                lacking.removeAll(held.keySet());
                PolicyTable one = held.values().iterator().next();
                problems.add(Problem.at(contract.path(), read.line(), rule + ", which " + quoted(lacking) + " does not hold (" + where(one) + " does), so the rule never fires there",
                        "add the table to the same section in every locale, translating only its words"));
            }
        }
    }

    private void columns(RuleContract contract, Set<Problem> problems, Set<String> cells) {
        for (ColumnRead read : contract.columns()) {
            Map<String, PolicyTable> held = held(read.table());
            if (engineTables.contains(read.table()) || held.isEmpty()) {
                continue;
            }
            Map<String, PolicyTable> lacking = new TreeMap<>(held);
            lacking.values().removeIf(table -> table.columns().contains(read.column()));
            String reader = "rule '" + contract.rule() + "' (" + contract.path() + ":" + read.line() + ")";
            if (lacking.size() == held.size()) {
                problems.add(Problem.at(contract.path(), read.line(), "rule '" + contract.rule() + "' reads column '" + read.column() + "' of table '" + read.table()
                        + "', which has no such column, so " + (read.use() == Use.WORDS ? "it reads an empty cell" : "the rule never fires"),
                        "use one of the table's column keys " + held.values().iterator().next().columns() + ", the words in backticks in its header"));
            } else {
                PolicyTable having = held.values().stream().filter(t -> t.columns().contains(read.column())).findFirst().orElseThrow();
                lacking.values().stream().filter(table -> cells.add(where(table) + " " + read.column())).forEach(table -> problems.add(Problem.at(table.path(),
                        table.line(), "table '" + read.table() + "' has no column '" + read.column() + "', which " + reader + " reads; " + where(having) + " has it",
                        "add the column to this table with the same key in backticks as in the other locales")));
            }
            if (read.use() == Use.NUMBER && cells.add(read.table() + " " + read.column() + " as a number")) {
                numbers(read, reader, held, problems);
            }
        }
    }

    /** A cell num(…) cannot read is NaN, and every comparison with NaN is false: the rule would silently never match that row. */
    private static void numbers(ColumnRead read, String reader, Map<String, PolicyTable> held, Set<Problem> problems) {
        for (PolicyTable table : held.values()) {
            for (TableRow row : table.rows()) {
                String cell = row.text(read.column());
                if (table.columns().contains(read.column()) && !cell.isBlank() && row.number(read.column()) == null) {
                    problems.add(Problem.at(table.path(), row.line(), "'" + read.column() + "' of table '" + read.table() + "' says '" + PlainText.excerpt(cell)
                            + "', which is not a number; " + reader + " reads it with num(…), so it never matches this row",
                            "write the number in digits, such as 15 or 0.5; leave the cell empty only where the table says empty means none"));
                }
            }
        }
    }

    /** The columns that decide what rules do, by table, compared row by row with the first locale that holds the table. */
    private void sameInEveryLocale(List<RuleContract> contracts, Set<Problem> problems) {
        Map<String, Map<String, EnumSet<Use>>> decided = new TreeMap<>();
        Map<String, String> readers = new LinkedHashMap<>();
        for (RuleContract contract : contracts) {
            for (ColumnRead read : contract.columns()) {
                if (read.use().decides() && !engineTables.contains(read.table())) {
                    decided.computeIfAbsent(read.table(), t -> new TreeMap<>()).computeIfAbsent(read.column(), c -> EnumSet.noneOf(Use.class)).add(read.use());
                    readers.putIfAbsent(read.table(), "rule '" + contract.rule() + "'");
                }
            }
        }
        decided.forEach((name, columns) -> {
            List<PolicyTable> tables = new ArrayList<>(held(name).values());
            for (PolicyTable other : tables.subList(Math.min(1, tables.size()), tables.size())) {
                compare(tables.get(0), other, columns, readers.get(name), problems);
            }
        });
    }

    private static void compare(PolicyTable first, PolicyTable other, Map<String, EnumSet<Use>> columns, String reader, Set<Problem> problems) {
        String hint = "rules apply every locale's own table, so customers would get a different outcome by language: make the codes and numbers "
                + "the same, in the same rows and order, and translate only the words (manual/README.md)";
        int rows = Math.min(first.rows().size(), other.rows().size());
        if (first.rows().size() != other.rows().size()) {
            TableRow extra = first.rows().size() > rows ? first.rows().get(rows) : other.rows().get(rows);
            PolicyTable longer = first.rows().size() > rows ? first : other;
            problems.add(Problem.at(longer.path(), extra.line(), "table '" + first.name() + "' has " + first.rows().size() + " rows in " + where(first) + " and "
                    + other.rows().size() + " in " + where(other) + "; " + reader + " reads its codes and numbers", hint));
        }
        for (int i = 0; i < rows; i++) {
            TableRow a = first.rows().get(i);
            TableRow b = other.rows().get(i);
            columns.forEach((column, uses) -> {
                if (first.columns().contains(column) && other.columns().contains(column) && !same(a.text(column), b.text(column), uses)) {
                    problems.add(Problem.at(other.path(), b.line(), "'" + column + "' of table '" + first.name() + "' differs between locales: "
                            + other.path() + ":" + b.line() + " says " + shown(b.text(column)) + ", " + first.path() + ":" + a.line() + " says " + shown(a.text(column))
                            + "; " + reader + " reads it", hint));
                }
            });
        }
    }

    private static boolean same(String a, String b, EnumSet<Use> uses) {
        if (a.trim().equals(b.trim())) {
            return true;
        }
        Optional<BigDecimal> x = number(a);
        Optional<BigDecimal> y = number(b);
        if (uses.contains(Use.NUMBER) && x.isPresent() && y.isPresent()) {
            return x.get().compareTo(y.get()) == 0;
        }
        return uses.equals(EnumSet.of(Use.LIST)) && items(a).equals(items(b));
    }

    private static Optional<BigDecimal> number(String cell) {
        return Optional.ofNullable(new TableRow(0, Map.of("cell", cell)).number("cell"));
    }

    private static Set<String> items(String cell) {
        Set<String> items = new TreeSet<>();
        for (String item : cell.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private Map<String, PolicyTable> held(String table) {
        Map<String, PolicyTable> held = new TreeMap<>();
        manual.locales().forEach(locale -> manual.table(locale, table).ifPresent(t -> held.put(locale, t)));
        return held;
    }

    static String where(PolicyTable table) {
        return table.path() + ":" + table.line();
    }

    static String quoted(Set<String> locales) {
        return String.join(", ", locales.stream().map(l -> "'" + l + "'").toList());
    }

    private static String shown(String cell) {
        return cell.isBlank() ? "nothing" : PlainText.excerpt(cell.trim());
    }
}
