package ai.askel.confluence.benchmarks;

import java.util.Objects;

/** What a figure should be: at most or at least a bound, with where the bound comes from. */
public record Target(Kind kind, double bound, String source) {
    public enum Kind { AT_MOST, AT_LEAST }

    public Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (Double.isNaN(bound)) {
            throw new IllegalArgumentException("bound must be a number");
        }
    }

    public static Target atMost(double bound, String source) {
        return new Target(Kind.AT_MOST, bound, source);
    }

    public static Target atLeast(double bound, String source) {
        return new Target(Kind.AT_LEAST, bound, source);
    }

    public boolean met(double value) {
        return kind == Kind.AT_MOST ? value <= bound : value >= bound;
    }

    /** "≤ 2 (Confluence API minimum, peers doc §6.4)". */
    public String describe(String unit) {
        return (kind == Kind.AT_MOST ? "≤ " : "≥ ") + Figure.format(bound) + (unit.isEmpty() ? "" : " " + unit)
                + (source.isEmpty() ? "" : " (" + source + ")");
    }
}
