package dev.pauta.manual;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One row of a policy table: cells by column key, with the Markdown line it came from. */
public record TableRow(int line, Map<String, String> cells) {

    public TableRow {
        cells = Map.copyOf(cells);
    }

    public String text(String key) {
        return cells.getOrDefault(key, "");
    }

    /** The cell as a number, or {@code null} when it is empty or not a number. */
    public BigDecimal number(String key) {
        String value = text(key).replace(',', '.').replace("%", "").trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<String> list(String key) {
        String value = text(key).trim();
        if (value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
