package ai.askel.confluence.app.usecase;

import ai.askel.confluence.ports.out.ManagedPage;
import java.util.Optional;

/** How drift findings name things: a page by its title and id, with its URL where Confluence gave one. */
final class DriftMessages {
    private DriftMessages() {
    }

    static String page(ManagedPage page) {
        return "%s '%s' (page %s)".formatted(page.role() == ManagedPage.Role.RUNBOOK ? "page" : "parent page", page.title().value(),
                page.pageId());
    }

    static String at(Optional<String> webUrl) {
        return webUrl.map(url -> "; " + url).orElse("");
    }
}
