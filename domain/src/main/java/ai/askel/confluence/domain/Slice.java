package ai.askel.confluence.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One page of results and the opaque cursor of the next page, if there is one. */
public record Slice<T>(List<T> items, Optional<String> nextCursor) {
    public Slice {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    public static <T> Slice<T> last(List<T> items) {
        return new Slice<>(items, Optional.empty());
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
