package dev.pauta.rules.facts;

import java.util.HashMap;
import java.util.Map;

/** One row of a manual policy table, in the request's locale, so rules apply the numbers agents read. Immutable; shared by evaluations. */
public final class PolicyRow {
    private final String table;
    private final Map<String, String> cells;
    private final Map<String, Double> numbers = new HashMap<>();

    public PolicyRow(String table, Map<String, String> cells) {
        this.table = table;
        this.cells = Map.copyOf(cells);
        cells.forEach((key, value) -> numbers.put(key, parse(value)));
    }

    public String getTable() { return table; }

    /** The cell's text, or "" when the column is absent. */
    @Accessor
    public String text(String key) {
        return cells.getOrDefault(key, "");
    }

    /** The cell as a number, or NaN when it is not one, so comparisons with it are false. */
    @Accessor
    public double num(String key) {
        return numbers.getOrDefault(key, Double.NaN);
    }

    /** Whether the cell, a comma-separated list of codes, names this code exactly ("DELAY_COUPON, WAIT_GESTURE"). */
    @Accessor
    public boolean lists(String key, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        for (String listed : text(key).split(",")) {
            if (listed.trim().equals(code)) {
                return true;
            }
        }
        return false;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value.replace(',', '.').replace("%", "").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
