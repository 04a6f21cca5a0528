package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.ports.out.ManagedPage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How drift findings name things: a page by its title and id, with its URL where Confluence gave one. */
final class DriftMessages {
    /** An audit event names at most this many findings, each cut to {@link #MAX_DETAIL} characters. */
    private static final int MAX_LISTED = 10;
    private static final int MAX_DETAIL = 400;

    private DriftMessages() {
    }

    static String page(ManagedPage page) {
        return "%s '%s' (page %s)".formatted(page.role() == ManagedPage.Role.RUNBOOK ? "page" : "parent page", page.title().value(),
                page.pageId());
    }

    /** What an overwrite replaced, for its audit event: each finding it overrode, bounded. */
    static String overridden(List<DriftFinding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        String replaced = findings.stream().limit(MAX_LISTED).map(f -> f.kind() + ": " + shortened(f.detail())).collect(Collectors.joining("; "));
        return " (overwrote what changed in Confluence: %s%s)".formatted(replaced,
                findings.size() > MAX_LISTED ? "; and %d more".formatted(findings.size() - MAX_LISTED) : "");
    }

    private static String shortened(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    static String at(Optional<String> webUrl) {
        return webUrl.map(url -> "; " + url).orElse("");
    }
}
