package ai.askel.confluence.plugins.declarative;

import ai.askel.confluence.ports.spi.InputType;
import ai.askel.confluence.ports.spi.TemplateInput;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a body may use where it stands: the template's inputs, {@code page} and
 * {@code template}, and inside a loop {@code this} and the columns of the table looped over.
 * Reports, at the value's position, a name that is none of these and a block filter
 * ({@code paragraphs}) used where only inline content can stand.
 */
final class Names {
    private final Map<String, TemplateInput> inputs = new LinkedHashMap<>();
    private final Problems problems;
    private final String whereBlocksStand;
    private final Deque<Set<String>> loops = new ArrayDeque<>();

    /** {@code whereBlocksStand} ends the message for a misplaced block filter ("...: it must stand alone in its own paragraph"). */
    Names(List<TemplateInput> inputs, Problems problems, String whereBlocksStand) {
        inputs.forEach(input -> this.inputs.put(input.name(), input));
        this.problems = problems;
        this.whereBlocksStand = whereBlocksStand;
    }

    /** Inside a loop over {@code items}: {@code this}, and the columns when it is a table input. */
    void enterLoop(Expr items) {
        Set<String> names = new HashSet<>(Set.of("this"));
        if (items != null && items.literal() == null && items.path().size() == 1 && items.filters().isEmpty()) {
            TemplateInput input = inputs.get(items.head());
            if (input != null && input.type() == InputType.TABLE) {
                names.addAll(input.columns());
            }
        }
        loops.push(names);
    }

    void leaveLoop() {
        loops.pop();
    }

    void check(Condition condition) {
        if (condition != null) {
            condition.exprs().forEach(this::check);
        }
    }

    /** Checks a text's values, its conditions and its loops (whose items' names hold inside them). */
    void check(List<TextTemplate.Part> parts) {
        check(parts, null);
    }

    /**
     * Checks a text that stands where only text can ({@code where}: "a code block", "an attribute"...), so
     * that a rich filter there is refused now rather than failing every render.
     */
    void checkText(List<TextTemplate.Part> parts, String where) {
        check(parts, where);
    }

    private void check(List<TextTemplate.Part> parts, String textOnly) {
        for (TextTemplate.Part part : parts) {
            if (part instanceof TextTemplate.Value value) {
                checkInline(value.expr());
                if (textOnly != null) {
                    value.expr().filters().stream().filter(Filters::isRich).findFirst().ifPresent(filter -> problems.add(value.expr().at(),
                            "the %s filter makes rich content and cannot stand in %s".formatted(filter, textOnly)));
                }
            } else if (part instanceof TextTemplate.If branch) {
                check(branch.condition());
                check(branch.then(), textOnly);
                check(branch.otherwise(), textOnly);
            } else if (part instanceof TextTemplate.Each each) {
                check(each.items());
                enterLoop(each.items());
                check(each.body(), textOnly);
                leaveLoop();
            }
        }
    }

    /** Checks a value that stands among inline content, where a block filter cannot. */
    void checkInline(Expr expr) {
        check(expr);
        if (expr.filters().stream().anyMatch(Filters::isBlock)) {
            problems.add(expr.at(), "{{%s}} makes paragraphs: it must %s".formatted(expr, whereBlocksStand));
        }
    }

    void check(Expr expr) {
        if (expr == null || expr.literal() != null) {
            return;
        }
        String head = expr.head();
        boolean known = inputs.containsKey(head) || head.equals("page") || head.equals("template")
                || loops.stream().anyMatch(names -> names.contains(head));
        if (!known) {
            problems.add(expr.at(), head.equals("this") ? "'this' is only defined inside {{#each}}"
                    : "'%s' is not an input of this template%s".formatted(head, loops.isEmpty() ? "" : " nor a column of the rows looped over"));
        }
    }
}
