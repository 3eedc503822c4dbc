package dev.pauta.manual;

import java.util.List;

/** A Markdown table the engine reads as data, named by the {@code <!-- table: name -->} comment above it. */
public record PolicyTable(String name, String sectionId, String path, int line, List<String> columns, List<TableRow> rows) {

    public PolicyTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
