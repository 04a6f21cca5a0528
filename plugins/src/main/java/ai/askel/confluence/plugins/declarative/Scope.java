package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.domain.TableRow;
import ai.askel.confluence.domain.storage.StatusColour;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values one render sees: the inputs (stripped; blank ones absent), {@code page} and
 * {@code template}, the files attached to the page, and the items of the loops it is inside.
 * One scope serves one render on one thread.
 */
final class Scope {
    private final Map<String, Object> root;
    private final Set<String> attachments;
    private final Map<String, StatusColour> statusColours;
    private final Map<String, List<String>> tableColumns;
    private final Deque<Frame> loops = new ArrayDeque<>();

    private record Frame(Object item, Collection<String> columns) {
    }

    Scope(Map<String, Object> root, Set<String> attachments, Map<String, StatusColour> statusColours,
          Map<String, List<String>> tableColumns) {
        this.root = root;
        this.tableColumns = tableColumns;
        this.attachments = attachments;
        this.statusColours = statusColours;
    }

    void enter(Object item, Collection<String> columns) {
        loops.push(new Frame(item, columns));
    }

    /** The columns a loop's items have: those of the table input it names directly, else none. */
    List<String> columnsOf(Expr items) {
        if (items.literal() == null && items.path().size() == 1 && items.filters().isEmpty()) {
            return tableColumns.getOrDefault(items.head(), List.of());
        }
        return List.of();
    }

    void leave() {
        loops.pop();
    }

    boolean isAttached(String fileName) {
        return attachments.contains(fileName);
    }

    StatusColour colourOf(String status) {
        return statusColours.getOrDefault(Filters.statusKey(status), StatusColour.GREY);
    }

    Object resolve(List<String> path) {
        Object value = head(path.get(0));
        for (int i = 1; i < path.size() && value != null; i++) {
            value = member(value, path.get(i));
        }
        return value;
    }

    private Object head(String name) {
        for (Frame frame : loops) {
            if (name.equals("this")) {
                return frame.item();
            }
            if (frame.item() instanceof TableRow row && frame.columns().contains(name)) {
                return blankToNull(row.cell(name));
            }
        }
        return root.get(name);
    }

    private static Object member(Object value, String name) {
        if (value instanceof TableRow row) {
            return blankToNull(row.cell(name));
        }
        if (value instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (value instanceof List<?> list) {
            List<Object> projected = new ArrayList<>();
            for (Object item : list) {
                Object member = member(item, name);
                if (member != null) {
                    projected.add(member);
                }
            }
            return List.copyOf(projected);
        }
        return null;
    }

    private static Object blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    /** Whether a value counts as present: not absent, blank, empty or false. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isBlank();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof BigDecimal) {
            return true;
        }
        return true;
    }
}
