package org.anzexian.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark prints: each figure as it is measured, and at the end the goals of #15 as a Markdown
 * table (ready for docs/PERFORMANCE.md), each marked met or not.
 */
final class Report {

    private final List<String> goals = new ArrayList<>();

    void figure(Figure figure) {
        line("FIGURE " + figure.describe());
    }

    void line(String text) {
        System.out.println("[bench] " + text);
        System.out.flush();
    }

    void line(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    /** A goal of the issue: what was measured (median and spread), the target, and whether it is met. */
    void goal(String goal, String target, String measured, boolean met) {
        String row = "| " + goal + " | " + target + " | " + measured + " | " + (met ? "met" : "**NOT met**") + " |";
        goals.add(row);
        line("GOAL " + row);
    }

    void printGoals() {
        System.out.println();
        System.out.println("| goal | target | measured (median; min–max) | |");
        System.out.println("|---|---|---|---|");
        goals.forEach(System.out::println);
        System.out.flush();
    }

    static String spread(Figure figure) {
        return Figure.number(figure.median()) + " " + figure.unit() + " (" + Figure.number(figure.min()) + "–"
                + Figure.number(figure.max()) + ")";
    }
}
