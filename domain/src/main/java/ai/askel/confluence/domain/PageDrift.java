package ai.askel.confluence.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One change made in Confluence behind the connector's back, as a publish or a drift scan sees it. An edit carries
 * the account that made the last one, so the words can name its owner once the connector has looked the name up.
 */
public record PageDrift(DriftKind kind, String detail, Optional<String> lastEditBy) {
    public PageDrift {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(lastEditBy, "lastEditBy");
    }

    public PageDrift(DriftKind kind, String detail) {
        this(kind, detail, Optional.empty());
    }

    public boolean concernsAttachments() {
        return kind.concernsAttachments();
    }

    /** The detail, and who edited last as {@code names} calls the account ("Bob Smith", or "account 557058:…"). */
    public String describe(UnaryOperator<String> names) {
        return detail + lastEditBy.map(account -> "; last edit by " + names.apply(account)).orElse("");
    }
}
