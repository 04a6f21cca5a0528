package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems while a template loads, so one error report lists them all (bounded). */
final class Problems {
    private static final int MAX = 50;
    private static final Comparator<TemplateProblem> IN_FILE_ORDER = Comparator.comparingInt(TemplateProblem::line)
            .thenComparingInt(TemplateProblem::column);

    private final String file;
    private final List<TemplateProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, int column, String message) {
        if (found.size() < MAX) {
            found.add(new TemplateProblem(file, line, column, message));
        }
    }

    void add(Position at, String message) {
        add(at.line(), at.column(), message);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in the order they stand in the file: by line, then column. */
    List<TemplateProblem> list() {
        return found.stream().sorted(IN_FILE_ORDER).toList();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new TemplateDefinitionException(list());
        }
    }
}
