package ai.askel.confluence.benchmarks;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One measured number of a scenario, with its unit, the target it is held against (if any) and a note (how it was
 * measured, what the peers do).
 */
public record Figure(String scenario, String name, double value, String unit, Optional<Target> target, String note) {
    public Figure {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(note, "note");
    }

    /** True when the figure has a target and misses it. */
    public boolean misses() {
        return target.map(t -> !t.met(value)).orElse(false);
    }

    public String formattedValue() {
        return format(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }
}
