package dev.pauta.authoring;

import dev.pauta.guidance.Snapshot;
import dev.pauta.guidance.SnapshotHolder;
import dev.pauta.guidance.Vocabulary;
import dev.pauta.manual.InvalidBundleException;
import dev.pauta.manual.PhrasePattern;
import dev.pauta.manual.TableMarkdown;
import dev.pauta.manual.TableRow;
import dev.pauta.rules.RuleContract;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Policy tables of a change's section documents as forms: a table read as typed columns and rows, one cell checked as it
 * is typed, and the rows saved by regenerating only that table's Markdown. The columns that decide what rules do (those
 * the current release's rules read as numbers, lists or codes they compare, which validation requires to be the same in
 * every locale) are shared: a save writes them into the same table of the section in every other locale too, row for
 * row, in one transaction with the edit, so the locales never disagree on a number. Thread-safe.
 */
public final class PolicyTableForms {

    /** How a column's cells are read, and so checked. */
    public enum Kind {
        /** A number, or empty where the table says empty means none. */
        NUMBER,
        /** One code. */
        CODE,
        /** A comma-separated list. */
        LIST,
        /** Words, translated per locale. */
        TEXT
    }

    /**
     * A column of a form.
     *
     * @param shared  whether a save writes its cells into the same table of the other locales too
     * @param choices the codes a CODE cell or a LIST item may hold; empty when any well-formed value may stand
     * @param phrase  whether its cells (or list items) are phrases in the manual's phrase syntax ({@code word*}, {@code a/b})
     */
    public record Column(String key, String label, Kind kind, boolean shared, List<String> choices, boolean phrase) {
        public Column {
            choices = List.copyOf(choices);
        }
    }

    /**
     * A row of a form: its position in the table as read, and its cells by column key in column order. A save may send
     * {@code index} back as the row's {@value #ROW_KEY} cell, so rows it moves keep their translations in the other locales.
     */
    public record Row(int index, Map<String, String> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }
    }

    /** The same table in the same section of another locale, at the revision a save would write on. */
    public record Counterpart(String path, String locale, long revision) {
    }

    /**
     * One policy table of a document in a change, as a form.
     *
     * @param revision     the document's revision in the change: the {@code baseRevision} a save sends
     * @param counterparts the same table in the other locales' copy of the section, which a save keeps equal in the shared columns
     */
    public record TableForm(long changeId, String path, String table, String locale, long revision, int line, List<Column> columns, List<Row> rows,
                            List<Counterpart> counterparts) {
        public TableForm {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            counterparts = List.copyOf(counterparts);
        }

        /** The keys of the shared columns. */
        public List<String> shared() {
            return columns.stream().filter(Column::shared).map(Column::key).toList();
        }
    }

    /** What is wrong with a cell as typed, and how to write it. */
    public record CellProblem(String column, String value, String message, String hint) {
    }

    /** A save: the documents it wrote a revision of (the edited one first, when it changed) and the form as it now reads. */
    public record Saved(TableForm form, List<Views.DocumentView> documents) {
        public Saved {
            documents = List.copyOf(documents);
        }
    }

    /** The cell a saved row may carry to name its {@link Row#index()} in the form it was read from. */
    public static final String ROW_KEY = "_row";

    static final int MAX_ROWS = 1000;
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** Columns of the tables the engine reads itself, which no rule contract describes. */
    private static final Map<String, Kind> ENGINE_COLUMNS = Map.ofEntries(
            Map.entry("channels.code", Kind.CODE), Map.entry("intents.code", Kind.CODE), Map.entry("intents.keywords", Kind.LIST),
            Map.entry("tiers.code", Kind.CODE), Map.entry("customer-types.code", Kind.CODE), Map.entry("special-needs.code", Kind.CODE),
            Map.entry("special-needs.channel", Kind.CODE), Map.entry("rejection-reasons.code", Kind.CODE), Map.entry("scripts.code", Kind.CODE),
            Map.entry("synonyms.terms", Kind.LIST), Map.entry("forbidden-phrases.phrase", Kind.TEXT), Map.entry("forbidden-phrases.severity", Kind.CODE),
            Map.entry("forbidden-phrases.maxGap", Kind.NUMBER), Map.entry("forbidden-phrases.exceptions", Kind.LIST),
            Map.entry("forbidden-phrases.intents", Kind.LIST), Map.entry("channel-checks.channel", Kind.CODE), Map.entry("channel-checks.check", Kind.CODE),
            Map.entry("channel-checks.value", Kind.TEXT), Map.entry("channel-checks.severity", Kind.CODE));
    /** Columns that define codes, rather than use them: any well-formed code may be added. */
    private static final Set<String> DEFINING = Set.of("channels.code", "intents.code", "tiers.code", "customer-types.code", "special-needs.code",
            "rejection-reasons.code", "scripts.code");
    /** Codes the engine requires in every locale, so kept equal wherever the locales' tables list them in the same order. */
    private static final Set<String> SHARED_CODES = Set.of("channels.code", "intents.code", "tiers.code", "customer-types.code", "special-needs.code",
            "rejection-reasons.code");
    /** Columns whose cells (or list items) are phrases matched in the customer's or the agent's words. */
    private static final Set<String> PHRASES = Set.of("forbidden-phrases.phrase", "forbidden-phrases.exceptions", "escalation-keywords.keyword");
    private static final Map<String, List<String>> FIXED_CHOICES = Map.of(
            "forbidden-phrases.severity", List.of("ERROR", "WARNING"), "channel-checks.severity", List.of("ERROR", "WARNING"),
            "channel-checks.check", List.of("shouting", "greeting", "closing", "maxChars"));

    private final AuthoringStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Changes changes;
    private final DraftEdits edits;
    private final Reviews reviews;
    private final SnapshotHolder holder;

    PolicyTableForms(AuthoringStore store, TransactionTemplate tx, Clock clock, Changes changes, DraftEdits edits, Reviews reviews, SnapshotHolder holder) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.changes = changes;
        this.edits = edits;
        this.reviews = reviews;
        this.holder = holder;
    }

    /** The names of the policy tables a section document of the change holds, in the order they appear. */
    public List<String> tables(long changeId, String path) {
        AuthoringStore.ChangeRow change = change(changeId);
        AuthoringStore.Revision document = document(change, path);
        return TableMarkdown.names(path, document.content());
    }

    /**
     * The table as a form: its columns with key, header label, kind and whether they are shared with the other locales,
     * its rows, and the same table in the other locales' copy of the section.
     *
     * @throws AuthoringException.NotFound when the change, the document or the table does not exist
     * @throws InvalidBundleException      when the document cannot be read as a section
     */
    public TableForm read(long changeId, String path, String table) {
        AuthoringStore.ChangeRow change = change(changeId);
        return form(change, path, checkedName(table), document(change, path));
    }

    /** The problems of one cell as typed into the form's column; empty when the value can stand. */
    public List<CellProblem> check(long changeId, String path, String table, String column, String value) {
        TableForm form = read(changeId, path, table);
        Column typed = form.columns().stream().filter(c -> c.key().equals(column)).findFirst()
                .orElseThrow(() -> new AuthoringException.BadInput("column", "table '" + table + "' has no column '" + column + "'; its columns are "
                        + String.join(", ", form.columns().stream().map(Column::key).toList())));
        return problems(typed, value == null ? "" : value);
    }

    /**
     * Saves the table's rows, each a map of every column key to its cell (and optionally {@value #ROW_KEY}, the row's
     * index in the form it was read from): only the table's Markdown is written anew, and the shared columns are written
     * into the same table of the other locales, row for row (a row added there takes the edited locale's words until
     * they are translated; a row removed or moved here is removed or moved there). One transaction: a stale
     * {@code baseRevision} saves nothing.
     *
     * @throws AuthoringException.StaleRevision when {@code baseRevision} is not the document's latest revision in the change
     * @throws AuthoringException.BadInput      when a row lacks a column, names one the table lacks, or holds a cell that cannot be written
     */
    public Saved save(long changeId, String path, String table, List<Map<String, String>> rows, long baseRevision, String actor) {
        String name = checkedName(table);
        if (rows == null) {
            throw new AuthoringException.BadInput("rows", "send the table's rows, [] for none");
        }
        if (rows.size() > MAX_ROWS) {
            throw new AuthoringException.BadInput("rows", "a table holds at most " + MAX_ROWS + " rows; this one has " + rows.size());
        }
        return tx.execute(status -> {
            AuthoringStore.ChangeRow change = changes.lockOpen(changeId);
            AuthoringStore.Revision document = document(change, path);
            if (document.revision() != baseRevision) {
                throw new AuthoringException.StaleRevision(path, baseRevision, document.revision(), document.content());
            }
            TableForm before = form(change, path, name, document);
            TableMarkdown edited = markdown(path, document.content(), name).orElseThrow();
            List<List<String>> cells = cells(before, rows);
            Integer[] origins = origins(before, rows, cells);
            Instant now = clock.instant();
            List<Views.DocumentView> written = new ArrayList<>();
            String content = rewrite(edited, cells);
            if (!content.equals(document.content())) {
                written.add(edits.write(change, path, content, baseRevision, actor, "table", now));
            }
            for (Counterpart counterpart : before.counterparts()) {
                AuthoringStore.Revision other = edits.latest(change, counterpart.path());
                TableMarkdown theirs = markdown(counterpart.path(), other.content(), name).orElseThrow();
                String translated = rewrite(theirs, counterpartRows(before, theirs, cells, origins));
                if (!translated.equals(other.content())) {
                    written.add(edits.write(change, counterpart.path(), translated, other.revision(), actor, "table", now));
                }
            }
            if (!written.isEmpty()) {
                reviews.edited(change, actor, "table " + name + " of " + path, now);
            }
            AuthoringStore.ChangeRow after = store.change(changeId).orElseThrow();
            return new Saved(form(after, path, name, document(after, path)), written);
        });
    }

    // --- reading

    private AuthoringStore.ChangeRow change(long changeId) {
        return store.change(changeId).orElseThrow(() -> new AuthoringException.NotFound("no change " + changeId));
    }

    private AuthoringStore.Revision document(AuthoringStore.ChangeRow change, String path) {
        DraftEdits.checkPath(path);
        if (TableMarkdown.locale(path).isEmpty()) {
            throw new AuthoringException.BadInput("path", "'" + path + "' is not a manual section; policy tables live in manual/<locale>/<id>.md");
        }
        AuthoringStore.Revision document = edits.latest(change, path);
        if (document == null || document.deleted()) {
            throw new AuthoringException.NotFound("'" + path + "' is not in change " + change.id());
        }
        return document;
    }

    private static String checkedName(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new AuthoringException.BadInput("table", "a table name is lower-case letters, digits and '-', as in its <!-- table: name --> marker");
        }
        return table;
    }

    private static Optional<TableMarkdown> markdown(String path, String content, String table) {
        try {
            return TableMarkdown.read(path, content, table);
        } catch (IllegalArgumentException e) {
            throw new AuthoringException.BadInput("table", e.getMessage());
        }
    }

    private TableForm form(AuthoringStore.ChangeRow change, String path, String table, AuthoringStore.Revision document) {
        TableMarkdown edited = markdown(path, document.content(), table).orElseThrow(() -> new AuthoringException.NotFound("'" + path + "' holds no table '"
                + table + "'" + held(path, document.content())));
        String locale = TableMarkdown.locale(path).orElseThrow();
        String rest = path.substring(("manual/" + locale + "/").length());
        Snapshot snapshot = holder.current();
        Map<String, TableMarkdown> others = new TreeMap<>();
        List<Counterpart> counterparts = new ArrayList<>();
        for (String other : snapshot.locales()) {
            String otherPath = "manual/" + other + "/" + rest;
            AuthoringStore.Revision revision = other.equals(locale) ? null : edits.latest(change, otherPath);
            if (revision != null && !revision.deleted()) {
                Optional<TableMarkdown> theirs = readQuietly(otherPath, revision.content(), table);
                if (theirs.isPresent()) {
                    others.put(other, theirs.get());
                    counterparts.add(new Counterpart(otherPath, other, revision.revision()));
                }
            }
        }
        Map<String, EnumSet<RuleContract.Use>> uses = uses(snapshot, table);
        List<Column> columns = new ArrayList<>();
        for (TableMarkdown.Column column : edited.columns()) {
            String key = table + "." + column.key();
            Kind kind = kind(key, uses.get(column.key()), edited, column.key());
            boolean decides = uses.getOrDefault(column.key(), EnumSet.noneOf(RuleContract.Use.class)).stream().anyMatch(RuleContract.Use::decides)
                    || SHARED_CODES.contains(key) && others.values().stream().allMatch(theirs -> sameColumn(edited, theirs, column.key()));
            boolean shared = decides && others.values().stream().anyMatch(theirs -> theirs.columns().stream().anyMatch(c -> c.key().equals(column.key())));
            columns.add(new Column(column.key(), column.label(), kind, shared, choices(key, kind, snapshot, locale, edited, column.key()), PHRASES.contains(key)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < edited.rows().size(); i++) {
            rows.add(new Row(i, edited.rows().get(i)));
        }
        return new TableForm(change.id(), path, table, locale, document.revision(), edited.line(), columns, rows, counterparts);
    }

    /** Another locale's copy of the table, or empty when it lacks one or cannot be read (validation names why). */
    private static Optional<TableMarkdown> readQuietly(String path, String content, String table) {
        try {
            return TableMarkdown.read(path, content, table);
        } catch (InvalidBundleException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String held(String path, String content) {
        List<String> names = TableMarkdown.names(path, content);
        return names.isEmpty() ? "; it holds no policy table" : "; it holds " + String.join(", ", names);
    }

    /** How the current release's rules read each column of the table. */
    private static Map<String, EnumSet<RuleContract.Use>> uses(Snapshot snapshot, String table) {
        Map<String, EnumSet<RuleContract.Use>> uses = new TreeMap<>();
        for (RuleContract contract : snapshot.ruleSet().contracts()) {
            for (RuleContract.ColumnRead read : contract.columns()) {
                if (read.table().equals(table)) {
                    uses.computeIfAbsent(read.column(), c -> EnumSet.noneOf(RuleContract.Use.class)).add(read.use());
                }
            }
        }
        return uses;
    }

    private static Kind kind(String key, EnumSet<RuleContract.Use> uses, TableMarkdown table, String column) {
        if (uses != null) {
            return uses.contains(RuleContract.Use.NUMBER) ? Kind.NUMBER : uses.contains(RuleContract.Use.LIST) ? Kind.LIST
                    : uses.contains(RuleContract.Use.CODE) ? Kind.CODE : Kind.TEXT;
        }
        if (ENGINE_COLUMNS.containsKey(key)) {
            return ENGINE_COLUMNS.get(key);
        }
        List<String> values = table.rows().stream().map(row -> row.get(column)).filter(v -> !v.isBlank()).toList();
        if (!values.isEmpty() && values.stream().allMatch(v -> number(v) != null)) {
            return Kind.NUMBER;
        }
        return !values.isEmpty() && values.stream().allMatch(v -> CODE.matcher(v).matches() && v.equals(v.toUpperCase())) ? Kind.CODE : Kind.TEXT;
    }

    /** The codes a CODE cell or LIST item of the column may hold: a vocabulary of the current release, if one is known to hold them all. */
    private static List<String> choices(String key, Kind kind, Snapshot snapshot, String locale, TableMarkdown table, String column) {
        if (FIXED_CHOICES.containsKey(key)) {
            return FIXED_CHOICES.get(key);
        }
        if (kind != Kind.CODE && kind != Kind.LIST || DEFINING.contains(key) || PHRASES.contains(key) || key.equals("intents.keywords")
                || key.equals("synonyms.terms")) {
            return List.of();
        }
        Vocabulary vocabulary = snapshot.vocabularies().getOrDefault(locale, snapshot.vocabularies().values().iterator().next());
        Set<String> channels = new LinkedHashSet<>(vocabulary.channels().keySet());
        channels.add("ALL");
        Set<String> actions = new TreeSet<>(snapshot.scripts().getOrDefault(locale, Map.of()).keySet());
        Map<String, Set<String>> named = Map.of("channel", channels, "tier", vocabulary.tiers().keySet(), "intent", vocabulary.intents().keySet(),
                "intents", vocabulary.intents().keySet(), "customerType", vocabulary.customerTypes().keySet(), "type", vocabulary.customerTypes().keySet(),
                "specialNeed", vocabulary.specialNeeds().keySet(), "need", vocabulary.specialNeeds().keySet(), "codes", actions);
        if (named.containsKey(column)) {
            return List.copyOf(named.get(column));
        }
        Set<String> values = new TreeSet<>();
        table.rows().forEach(row -> values.addAll(kind == Kind.LIST ? items(row.get(column)) : row.get(column).isBlank() ? List.of() : List.of(row.get(column))));
        if (values.isEmpty()) {
            return List.of();
        }
        for (Set<String> candidate : List.of(channels, vocabulary.intents().keySet(), vocabulary.tiers().keySet(), vocabulary.customerTypes().keySet(),
                vocabulary.specialNeeds().keySet(), actions)) {
            if (candidate.containsAll(values)) {
                return List.copyOf(candidate);
            }
        }
        return List.of();
    }

    private static boolean sameColumn(TableMarkdown a, TableMarkdown b, String column) {
        return a.rows().stream().map(r -> r.get(column)).toList().equals(b.rows().stream().map(r -> r.getOrDefault(column, "")).toList());
    }

    // --- checking

    private static List<CellProblem> problems(Column column, String value) {
        List<CellProblem> problems = new ArrayList<>();
        Optional<String> unwritable = TableMarkdown.cellProblem(value);
        if (unwritable.isPresent()) {
            problems.add(new CellProblem(column.key(), value, unwritable.get(), "write the cell on one line, without '|'"));
            return problems;
        }
        String cell = TableMarkdown.asRead(value);
        switch (column.kind()) {
            case NUMBER -> {
                java.math.BigDecimal number = number(cell);
                if (!cell.isBlank() && number == null) {
                    problems.add(new CellProblem(column.key(), value, "'" + cell + "' is not a number",
                            "write the number in digits, such as 15 or 0.5; leave the cell empty only where the table says empty means none"));
                } else if (number != null && column.key().equals("maxGap") && (number.signum() < 0 || number.compareTo(java.math.BigDecimal.valueOf(3)) > 0
                        || number.stripTrailingZeros().scale() > 0)) {
                    problems.add(new CellProblem(column.key(), value, "'" + cell + "' is not a whole number from 0 to 3",
                            "write how many extra words may stand inside the phrase: 0, 1, 2 or 3"));
                }
            }
            case CODE -> {
                if (cell.isBlank()) {
                    problems.add(new CellProblem(column.key(), value, "the cell needs a code", codeHint(column)));
                } else {
                    code(column, cell).ifPresent(message -> problems.add(new CellProblem(column.key(), value, message, codeHint(column))));
                }
            }
            case LIST -> {
                if (!cell.isBlank()) {
                    for (String item : cell.split(",", -1)) {
                        String trimmed = item.strip();
                        if (trimmed.isEmpty()) {
                            problems.add(new CellProblem(column.key(), value, "the list has an empty item", "separate the items with one comma each: A, B"));
                            break;
                        }
                        Optional<String> wrong = column.phrase() ? PhrasePattern.problem(trimmed) : column.choices().isEmpty() ? Optional.empty()
                                : code(column, trimmed);
                        wrong.ifPresent(message -> problems.add(new CellProblem(column.key(), value, message,
                                column.phrase() ? phraseHint() : codeHint(column))));
                    }
                }
            }
            case TEXT -> {
                if (column.phrase()) {
                    PhrasePattern.problem(cell).ifPresent(message -> problems.add(new CellProblem(column.key(), value, message, phraseHint())));
                }
            }
        }
        return problems;
    }

    private static Optional<String> code(Column column, String code) {
        if (!column.choices().isEmpty()) {
            return column.choices().contains(code) ? Optional.empty() : Optional.of("'" + code + "' is not one of the codes this column takes");
        }
        return CODE.matcher(code).matches() ? Optional.empty() : Optional.of("'" + code + "' is not a code: a code is one word of letters, digits, '_' or '-'");
    }

    private static String codeHint(Column column) {
        return column.choices().isEmpty() ? "write a code in capitals, digits and '_', such as GOLD or DELAY_COUPON"
                : "use one of " + String.join(", ", column.choices());
    }

    private static String phraseHint() {
        return "write the words as the customer or the agent would; end a word with * for any ending (abogad*) and join alternatives with / (llame/llamen)";
    }

    private static java.math.BigDecimal number(String cell) {
        return new TableRow(0, Map.of("cell", cell)).number("cell");
    }

    private static List<String> items(String cell) {
        return Arrays.stream(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // --- saving

    /** The rows as cells in column order, refused at the first row or cell that cannot be written. */
    private static List<List<String>> cells(TableForm form, List<Map<String, String>> rows) {
        List<String> keys = form.columns().stream().map(Column::key).toList();
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            String field = "rows[" + r + "]";
            if (row == null) {
                throw new AuthoringException.BadInput(field, "row " + (r + 1) + " is empty; send every column's cell");
            }
            for (String key : row.keySet()) {
                if (!key.equals(ROW_KEY) && !keys.contains(key)) {
                    throw new AuthoringException.BadInput(field + "." + key, "table '" + form.table() + "' has no column '" + key + "'; its columns are "
                            + String.join(", ", keys));
                }
            }
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                if (!row.containsKey(key)) {
                    throw new AuthoringException.BadInput(field + "." + key, "row " + (r + 1) + " has no cell for column '" + key + "'; send \"\" for an empty one");
                }
                String value = row.get(key);
                Optional<String> problem = TableMarkdown.cellProblem(value);
                if (problem.isPresent()) {
                    throw new AuthoringException.BadInput(field + "." + key, "row " + (r + 1) + ", column '" + key + "': " + problem.get());
                }
                values.add(value.strip());
            }
            cells.add(values);
        }
        return cells;
    }

    /**
     * The row of the table as read that each saved row is, or null for a new row: the one its {@value #ROW_KEY} names;
     * without any, an unchanged row is the row it equals, and changed rows pair in order with the rows left between
     * their unchanged neighbours.
     */
    private static Integer[] origins(TableForm form, List<Map<String, String>> rows, List<List<String>> cells) {
        int old = form.rows().size();
        Integer[] origin = new Integer[rows.size()];
        boolean[] used = new boolean[old];
        if (rows.stream().anyMatch(row -> row.containsKey(ROW_KEY))) {
            for (int r = 0; r < rows.size(); r++) {
                String index = rows.get(r).get(ROW_KEY);
                if (index == null || index.isBlank()) {
                    continue;
                }
                int at;
                try {
                    at = Integer.parseInt(index.strip());
                } catch (NumberFormatException e) {
                    at = -1;
                }
                if (at < 0 || at >= old || used[at]) {
                    throw new AuthoringException.BadInput("rows[" + r + "]." + ROW_KEY, "'" + index + "' is not the index of a row of the table as read, "
                            + "or names one another row names too; send each row's index from the form, or leave it out for a new row");
                }
                origin[r] = at;
                used[at] = true;
            }
            return origin;
        }
        List<List<String>> before = form.rows().stream().map(row -> row.cells().values().stream().map(TableMarkdown::asRead).toList()).toList();
        List<List<String>> now = cells.stream().map(row -> row.stream().map(TableMarkdown::asRead).toList()).toList();
        for (int r = 0; r < now.size(); r++) {
            if (r < old && before.get(r).equals(now.get(r))) {
                origin[r] = r;
                used[r] = true;
            }
        }
        for (int r = 0; r < now.size(); r++) {
            for (int o = 0; origin[r] == null && o < old; o++) {
                if (!used[o] && before.get(o).equals(now.get(r))) {
                    origin[r] = o;
                    used[o] = true;
                }
            }
        }
        for (int start = 0; start < now.size(); start++) {
            if (origin[start] != null) {
                continue;
            }
            int end = start;
            while (end < now.size() && origin[end] == null) {
                end++;
            }
            int low = start == 0 ? -1 : origin[start - 1];
            int high = end == now.size() ? old : origin[end];
            int r = start;
            for (int o = low + 1; o < high && r < end; o++) {
                if (!used[o]) {
                    origin[r++] = o;
                    used[o] = true;
                }
            }
            start = end;
        }
        return origin;
    }

    /**
     * Another locale's rows after the save: each saved row takes its shared cells from the edited locale and its other
     * cells from the row it was there (or the edited locale's words for a new row); rows it has beyond the edited table's stay.
     */
    private static List<List<String>> counterpartRows(TableForm form, TableMarkdown theirs, List<List<String>> cells, Integer[] origins) {
        List<String> keys = form.columns().stream().map(Column::key).toList();
        Set<String> shared = new java.util.HashSet<>(form.shared());
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            Integer origin = origins[r];
            Map<String, String> was = origin != null && origin < theirs.rows().size() ? theirs.rows().get(origin) : null;
            List<String> row = new ArrayList<>();
            for (TableMarkdown.Column column : theirs.columns()) {
                int mine = keys.indexOf(column.key());
                if (mine >= 0 && (shared.contains(column.key()) || was == null)) {
                    row.add(cells.get(r).get(mine));
                } else {
                    row.add(was == null ? "" : was.get(column.key()));
                }
            }
            rows.add(row);
        }
        for (int extra = form.rows().size(); extra < theirs.rows().size(); extra++) {
            rows.add(List.copyOf(theirs.rows().get(extra).values()));
        }
        return rows;
    }

    private static String rewrite(TableMarkdown table, List<List<String>> rows) {
        try {
            return table.withRows(rows);
        } catch (IllegalArgumentException e) {
            throw new AuthoringException.BadInput("rows", e.getMessage());
        }
    }
}
