package ai.askel.confluence.ports.out;

import java.util.List;

/**
 * What reloading the templates directory did: the templates (re)loaded, those removed because
 * their files are gone, and every problem found. A template with a problem keeps its previous
 * version serving; each problem names its file, line and column where it has them.
 */
public record TemplateReloadResult(List<String> loaded, List<String> removed, List<String> problems) {
    public TemplateReloadResult {
        loaded = List.copyOf(loaded);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
