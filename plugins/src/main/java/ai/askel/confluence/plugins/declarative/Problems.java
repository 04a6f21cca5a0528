package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a template loads, so one error report lists them all (bounded). */
final class Problems {
    private static final int MAX = 50;

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

    List<TemplateProblem> list() {
        return List.copyOf(found);
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new TemplateDefinitionException(found);
        }
    }
}
