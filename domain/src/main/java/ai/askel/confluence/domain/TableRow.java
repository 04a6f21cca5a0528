package ai.askel.confluence.domain;

import java.util.Map;
import java.util.Objects;

/** One row of a TABLE input: its cells by column name, stripped; a column the row leaves out reads as "". */
public record TableRow(Map<String, String> cells) {
    public TableRow {
        Objects.requireNonNull(cells, "cells");
        cells = Map.copyOf(cells);
    }

    /** The cell's text, or "" when the row leaves the column out. */
    public String cell(String column) {
        return cells.getOrDefault(column, "");
    }

    /** Whether every cell is blank (such a row counts as absent). */
    public boolean isBlank() {
        return cells.values().stream().allMatch(String::isBlank);
    }
}
