package dev.pauta.manual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One named policy table of a section document as Markdown source: its columns (key and header label), its rows as the
 * engine reads them, and the same document with only the table's rows written anew, every other byte as it was (the
 * header line and the alignment row included; a row left as it was keeps its line). Immutable and thread-safe.
 */
public final class TableMarkdown {

    /** The longest cell the form writes. */
    public static final int MAX_CELL_CHARS = 2000;

    /** A column: the key rules read it by (the {@code `key`} in its header) and the label agents read above it. */
    public record Column(String key, String label) {
    }

    private static final Pattern SECTION_PATH = Pattern.compile("manual/([a-z]{2}(?:-[A-Z]{2})?)/.+\\.md");
    private static final Pattern COLUMN_KEY = Pattern.compile("`([^`]+)`");

    private final String path;
    private final String content;
    private final PolicyTable table;
    private final List<Column> columns;
    private final List<Map<String, String>> rows;
    private final List<List<String>> rawCells;
    private final List<String> rawLines;
    private final int rowsStart;
    private final int rowsEnd;
    private final String newline;

    private TableMarkdown(String path, String content, PolicyTable table, List<Column> columns, List<List<String>> rawCells, List<String> rawLines,
                          int rowsStart, int rowsEnd, String newline) {
        this.path = path;
        this.content = content;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.rows = table.rows().stream().map(row -> {
            Map<String, String> cells = new LinkedHashMap<>();
            table.columns().forEach(key -> cells.put(key, row.text(key)));
            return java.util.Collections.unmodifiableMap(cells);
        }).toList();
        this.rawCells = rawCells;
        this.rawLines = rawLines;
        this.rowsStart = rowsStart;
        this.rowsEnd = rowsEnd;
        this.newline = newline;
    }

    /** The locale of a section document's path ({@code manual/es/x.md} → es), if it is one. */
    public static Optional<String> locale(String path) {
        Matcher m = path == null ? null : SECTION_PATH.matcher(path);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The names of the policy tables a section document holds, in the order they appear. */
    public static List<String> names(String path, String content) {
        return parse(path, content).values().stream().sorted(java.util.Comparator.comparingInt(PolicyTable::line)).map(PolicyTable::name).toList();
    }

    /**
     * The table named {@code name} in a section document, or empty when it holds none.
     *
     * @throws InvalidBundleException   when the document cannot be read as a section (its front matter or its Markdown), with the problems
     * @throws IllegalArgumentException when the path is not a section document's, or the table is not written one row per line
     */
    public static Optional<TableMarkdown> read(String path, String content, String name) {
        PolicyTable table = parse(path, content).get(name);
        if (table == null) {
            return Optional.empty();
        }
        List<int[]> lines = lines(content);
        int header = table.line() - 1;
        int alignment = header + 1;
        if (alignment >= lines.size()) {
            return Optional.empty();
        }
        List<String> headerCells = split(text(content, lines.get(header)));
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String key = table.columns().get(i);
            String label = headerCells.size() == table.columns().size() ? COLUMN_KEY.matcher(headerCells.get(i)).replaceFirst("").strip() : "";
            columns.add(new Column(key, label.isEmpty() ? key : label));
        }
        List<List<String>> rawCells = new ArrayList<>();
        List<String> rawLines = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            int line = table.rows().get(r).line() - 1;
            if (line != alignment + 1 + r || line >= lines.size()) {
                throw new IllegalArgumentException("table '" + name + "' in " + path + " cannot be edited as a form: its rows are not one per line after its alignment row");
            }
            String raw = text(content, lines.get(line));
            rawLines.add(raw);
            rawCells.add(split(raw));
        }
        int last = table.rows().isEmpty() ? alignment : alignment + table.rows().size();
        int[] alignmentLine = lines.get(alignment);
        String newline = alignmentLine[2] > alignmentLine[1] ? content.substring(alignmentLine[1], alignmentLine[2]) : "\n";
        return Optional.of(new TableMarkdown(path, content, table, columns, rawCells, rawLines, alignmentLine[1], lines.get(last)[1], newline));
    }

    public String path() {
        return path;
    }

    public String name() {
        return table.name();
    }

    /** The 1-based line of the table's header in the document. */
    public int line() {
        return table.line();
    }

    public List<Column> columns() {
        return columns;
    }

    /** Each row's cells by column key, in column order, as the engine reads them (backticks and bold marks removed). */
    public List<Map<String, String>> rows() {
        return rows;
    }

    /** Why a value cannot be written into a cell, if it cannot: it would split the cell or the row, or it is too long. */
    public static Optional<String> cellProblem(String value) {
        if (value == null) {
            return Optional.of("a cell needs a value; send \"\" for an empty one");
        }
        if (value.indexOf('|') >= 0) {
            return Optional.of("a cell cannot hold '|': it would split the cell in two");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return Optional.of("a cell holds one line: remove the line break");
        }
        if (value.length() > MAX_CELL_CHARS) {
            return Optional.of("a cell holds at most " + MAX_CELL_CHARS + " characters; this one has " + value.length());
        }
        return Optional.empty();
    }

    /** The value a cell reads as once written: what the engine reads from {@code value}. */
    public static String asRead(String value) {
        return PolicyTables.cellValue(value == null ? "" : value);
    }

    /**
     * The document with the table's rows replaced by {@code rows} (each a list of cells in column order) and every other
     * byte as it was. A row equal to one of the table's rows keeps that row's line; a cell equal to the cell of the row
     * at the same position keeps how it was written (backticks, bold).
     *
     * @throws IllegalArgumentException when a row has the wrong number of cells, a cell cannot be written
     *                                  ({@link #cellProblem}), or the table would not read back as {@code rows}
     */
    public String withRows(List<List<String>> rows) {
        List<List<String>> wanted = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + row.size() + " cells; the table has " + columns.size() + " columns");
            }
            for (String cell : row) {
                cellProblem(cell).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
            }
            wanted.add(row.stream().map(TableMarkdown::asRead).toList());
        }
        boolean[] kept = new boolean[this.rows.size()];
        String[] lines = new String[rows.size()];
        for (int r = 0; r < wanted.size(); r++) {
            if (r < this.rows.size() && readAs(r).equals(wanted.get(r))) {
                kept[r] = true;
                lines[r] = rawLines.get(r);
            }
        }
        for (int r = 0; r < wanted.size(); r++) {
            for (int old = 0; lines[r] == null && old < this.rows.size(); old++) {
                if (!kept[old] && readAs(old).equals(wanted.get(r))) {
                    kept[old] = true;
                    lines[r] = rawLines.get(old);
                }
            }
            if (lines[r] == null) {
                lines[r] = line(r, rows.get(r));
            }
        }
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            body.append(newline).append(line);
        }
        String written = content.substring(0, rowsStart) + body + content.substring(rowsEnd);
        List<Map<String, String>> readBack = read(path, written, table.name()).map(TableMarkdown::rows).orElse(List.of());
        List<List<String>> back = readBack.stream().map(cells -> List.copyOf(cells.values())).toList();
        if (!back.equals(wanted)) {
            throw new IllegalArgumentException("the table would not read back as written; check the cells for Markdown that changes them, such as a leading '#' or '>'");
        }
        return written;
    }

    private List<String> readAs(int row) {
        return List.copyOf(rows.get(row).values());
    }

    /** A row written anew; a cell the row at the same position reads the same keeps how it was written there. */
    private String line(int position, List<String> cells) {
        List<String> raw = position < rawCells.size() && rawCells.get(position).size() == columns.size() ? rawCells.get(position) : null;
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c).strip();
            String cell = raw != null && rows.get(position).get(columns.get(c).key()).equals(asRead(value)) ? raw.get(c) : value;
            line.append(' ').append(cell).append(" |");
        }
        return line.toString();
    }

    private static Map<String, PolicyTable> parse(String path, String content) {
        String locale = locale(path).orElseThrow(() -> new IllegalArgumentException("'" + path + "' is not a section document (manual/<locale>/<id>.md)"));
        List<Problem> problems = new ArrayList<>();
        FrontMatter front = FrontMatter.read(path, locale, content, problems);
        SectionBody.Read body = front == null ? null : new SectionBody().read(path, front.id(), front.title(), front.body(), front.bodyLineOffset(), problems);
        if (body == null) {
            throw new InvalidBundleException(problems);
        }
        return body.tables();
    }

    /** Each line of the text as {start, end of its text, end with its terminator}; a '\r' before '\n' belongs to the terminator. */
    private static List<int[]> lines(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(new int[] {start, text.length(), text.length()});
                break;
            }
            int end = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            lines.add(new int[] {start, end, nl + 1});
            start = nl + 1;
        }
        return lines;
    }

    private static String text(String content, int[] line) {
        return content.substring(line[0], line[1]);
    }

    /** A table line's cells as written, trimmed: split on every '|' not escaped with a backslash, the outer pipes dropped. */
    private static List<String> split(String line) {
        String text = line.strip();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cell.append(c).append(text.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        if (text.startsWith("|")) {
            cells.remove(0);
        }
        if (text.endsWith("|") && !text.endsWith("\\|") && !cells.isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }
}
