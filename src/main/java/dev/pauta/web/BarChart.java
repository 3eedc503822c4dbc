package dev.pauta.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server as inline SVG: one bar per row, its length in proportion to the largest
 * value, and the number written beside each bar (the table below it holds them all). Coordinates are computed here, so
 * the template only places them. Immutable.
 */
record BarChart(String title, List<Bar> bars, int width, int height, int labelWidth) {

    static final int WIDTH = 640;
    static final int LABEL_WIDTH = 230;
    static final int PLOT_WIDTH = 330;
    static final int ROW = 26;
    static final int LABEL_CHARACTERS = 28;

    /** One bar: its label (clipped to fit), the value as shown, where it starts vertically, its length and where the text after it falls. */
    record Bar(String label, String shown, int y, int length, int textX) {
    }

    static BarChart of(String title, List<String> labels, List<Double> values, List<String> shown) {
        double max = values.stream().mapToDouble(v -> v == null ? 0 : v).max().orElse(0);
        double scale = max <= 0 ? 0 : PLOT_WIDTH / max;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i) == null ? 0 : Math.max(0, values.get(i));
            int length = (int) Math.round(value * scale);
            String label = labels.get(i);
            String clipped = label.length() <= LABEL_CHARACTERS ? label : label.substring(0, LABEL_CHARACTERS - 1) + "…";
            bars.add(new Bar(clipped, shown.get(i), i * ROW + 8, length, LABEL_WIDTH + length + 6));
        }
        return new BarChart(title, List.copyOf(bars), WIDTH, Math.max(1, labels.size()) * ROW + 16, LABEL_WIDTH);
    }
}
