package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A directive being parsed ({@code #if}, {@code #unless}, {@code #each}, or the root that holds everything): the
 * parts of its branches so far. Shared by the body's blocks ({@code P} = {@link BlockPart}) and the inline text
 * ({@code P} = {@link TextTemplate.Part}).
 */
final class OpenDirective<P> {
    /** How a closed {@code #if} or {@code #unless} becomes one part. */
    @FunctionalInterface
    interface Choice<P> {
        P of(Condition condition, List<P> whenTrue, List<P> whenFalse);
    }

    private final String kind;
    private final Condition condition;
    private final Expr items;
    private final Position at;
    private final List<P> then = new ArrayList<>();
    private List<P> otherwise;

    OpenDirective(String kind, Condition condition, Expr items, Position at) {
        this.kind = kind;
        this.condition = condition;
        this.items = items;
        this.at = at;
    }

    String kind() {
        return kind;
    }

    Position at() {
        return at;
    }

    boolean isLoop() {
        return items != null;
    }

    boolean hasOtherwise() {
        return otherwise != null;
    }

    /** After {@code {{else}}}: what follows goes to the other branch. */
    void startOtherwise() {
        otherwise = new ArrayList<>();
    }

    /** Where the next part goes. */
    List<P> current() {
        return otherwise != null ? otherwise : then;
    }

    /** The first branch's parts (all of the root's). */
    List<P> parts() {
        return List.copyOf(then);
    }

    /** One part for the whole directive: {@code each} a loop of its parts, {@code if} and {@code unless} a choice. */
    P close(BiFunction<Expr, List<P>, P> loop, Choice<P> choice) {
        List<P> body = List.copyOf(then);
        List<P> other = otherwise == null ? List.of() : List.copyOf(otherwise);
        if (kind.equals("each")) {
            return loop.apply(items, body);
        }
        return kind.equals("unless") ? choice.of(condition, other, body) : choice.of(condition, body, other);
    }
}
