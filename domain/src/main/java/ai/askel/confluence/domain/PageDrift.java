package ai.askel.confluence.domain;

import java.util.Objects;

/** One change made in Confluence behind the connector's back, as a publish or a drift scan sees it. */
public record PageDrift(DriftKind kind, String detail) {
    public PageDrift {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean concernsAttachments() {
        return kind == DriftKind.ATTACHMENT_MISSING || kind == DriftKind.ATTACHMENT_REPLACED;
    }
}
