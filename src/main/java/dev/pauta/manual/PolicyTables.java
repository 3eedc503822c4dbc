package dev.pauta.manual;

import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a section names with a {@code <!-- table: name -->} comment, read as data: a column's key is the
 * {@code `key`} in its header (or the header itself), a cell loses its backticks and bold marks.
 */
final class PolicyTables {

    private static final Pattern TABLE_MARKER = Pattern.compile("<!--\\s*table:\\s*([a-z0-9-]+)\\s*-->", Pattern.DOTALL);
    private static final Pattern COLUMN_KEY = Pattern.compile("`([^`]+)`");

    private PolicyTables() {
    }

    /** The table name a comment block marks, if it is a table marker. */
    static Optional<String> marker(Node node) {
        if (node instanceof HtmlCommentBlock comment) {
            Matcher marker = TABLE_MARKER.matcher(comment.getChars().toString());
            if (marker.find()) {
                return Optional.of(marker.group(1));
            }
        }
        return Optional.empty();
    }

    /** The table with each row's file line; a row with more or fewer cells than the header is a problem at its line. */
    static PolicyTable read(String path, String sectionId, String name, TableBlock table, int lineOffset, List<Problem> problems) {
        List<String> columns = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            if (part instanceof TableHead) {
                Node headerRow = part.getFirstChild();
                for (Node cell = headerRow == null ? null : headerRow.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell c) {
                        String header = c.getText().toString().trim();
                        Matcher key = COLUMN_KEY.matcher(header);
                        columns.add(key.find() ? key.group(1).trim() : header);
                    }
                }
            } else if (part instanceof TableBody) {
                for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                    rows.add(row(path, name, row, columns, row.getLineNumber() + 1 + lineOffset, problems));
                }
            }
        }
        return new PolicyTable(name, sectionId, path, table.getLineNumber() + 1 + lineOffset, columns, rows);
    }

    private static TableRow row(String path, String name, Node row, List<String> columns, int line, List<Problem> problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        int index = 0;
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell c) {
                if (index < columns.size()) {
                    cells.put(columns.get(index), cellValue(c.getText().toString()));
                }
                index++;
            }
        }
        if (index != columns.size()) {
            problems.add(Problem.at(path, line, "table '" + name + "' row has " + index + " cells but the header has " + columns.size(),
                    "give every row one cell per column; an empty cell is '|  |'"));
        }
        return new TableRow(line, cells);
    }

    /** A cell as the engine reads it: trimmed, one pair of surrounding backticks and every bold mark removed. */
    static String cellValue(String raw) {
        String value = raw.trim();
        if (value.length() > 1 && value.startsWith("`") && value.endsWith("`")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.replace("**", "").trim();
    }
}
