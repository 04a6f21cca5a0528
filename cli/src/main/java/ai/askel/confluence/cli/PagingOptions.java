package ai.askel.confluence.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --cursor} of every listing. */
final class PagingOptions {
    @Option(names = "--limit", defaultValue = "25", description = "Results per page (1-250).")
    int limit;

    @Option(names = "--cursor", description = "The cursor of the next page, printed by the previous listing.")
    String cursor;

    Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    static String more(Optional<String> nextCursor) {
        return nextCursor.map(c -> "\nmore: --cursor " + c).orElse("");
    }
}
