package org.anzexian.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** One measured quantity over repetitions: its median and spread (min–max) are what the report prints. */
record Figure(String name, String unit, List<Double> values) {

    Figure {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + ": no repetition measured");
        }
        values = List.copyOf(values);
    }

    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return sorted().get(0);
    }

    double max() {
        return sorted().get(values.size() - 1);
    }

    /** Nearest-rank percentile. */
    double percentile(int p) {
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    String describe() {
        return String.format(Locale.ROOT, "%s: median %s %s (min %s, max %s, n=%d; each: %s)", name, number(median()),
                unit, number(min()), number(max()), values.size(),
                String.join(" ", values.stream().map(Figure::number).toList()));
    }

    static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }
}
