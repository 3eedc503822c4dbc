package dev.pauta.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One insight as a table: a caption and column headings (message keys), and rows of cells each shown in the reader's
 * language and written plainly for CSV. The page draws it and the CSV download writes it, so both hold the same numbers.
 * Immutable.
 */
record InsightTable(String id, String caption, List<Column> columns, List<List<Cell>> rows) {

    /** A column: its heading's message key, and whether it holds numbers (aligned right). */
    record Column(String heading, boolean numeric) {
    }

    /** A cell as shown ("80,5") and as written in CSV ("80.5"); both empty for no value. */
    record Cell(String shown, String plain) {
    }

    /** RFC 4180 CSV with a header of the column headings as read, and cells that a spreadsheet would run as formulas quoted as text. */
    byte[] csv(List<String> headings) {
        StringBuilder out = new StringBuilder();
        out.append(headings.stream().map(InsightTable::field).collect(Collectors.joining(","))).append("\r\n");
        for (List<Cell> row : rows) {
            out.append(row.stream().map(c -> field(c.plain())).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith(" ");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
