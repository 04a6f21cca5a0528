package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.storage.PanelType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A block quote that starts with {@code [!INFO]}, {@code [!NOTE]}, {@code [!TIP]}, {@code [!WARNING]} (or GitHub's {@code [!CAUTION]}, {@code [!IMPORTANT]}) is a Confluence panel. */
record Panel(PanelType type, TextTemplate title) {
    private static final Map<String, PanelType> MARKERS = Map.of("INFO", PanelType.INFO, "NOTE", PanelType.NOTE,
            "TIP", PanelType.TIP, "WARNING", PanelType.WARNING, "CAUTION", PanelType.WARNING, "IMPORTANT", PanelType.NOTE);

    /** The panel type of a first line such as {@code [!WARNING] Title}, and the length of the marker. */
    static Optional<Map.Entry<PanelType, Integer>> marker(String firstLine) {
        if (!firstLine.startsWith("[!")) {
            return Optional.empty();
        }
        int close = firstLine.indexOf(']');
        if (close < 0) {
            return Optional.empty();
        }
        PanelType type = MARKERS.get(firstLine.substring(2, close).toUpperCase(Locale.ROOT));
        return type == null ? Optional.empty() : Optional.of(Map.entry(type, close + 1));
    }
}
