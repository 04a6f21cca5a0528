package ai.askel.confluence.plugins.declarative;

import java.util.Objects;

/** One thing wrong with a declarative template, at a file, line and column (1-based). */
public record TemplateProblem(String file, int line, int column, String message) {
    public TemplateProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
