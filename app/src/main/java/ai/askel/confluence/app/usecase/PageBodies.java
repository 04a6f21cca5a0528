package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.PageBody;
import ai.askel.confluence.ports.out.MarkdownPort;

/** The body Confluence receives: a Markdown body is converted to storage format here, every other is sent as it is. */
final class PageBodies {
    private PageBodies() {
    }

    static PageBody forConfluence(PageBody body, MarkdownPort markdown) {
        return body.representation().isConvertedLocally() ? PageBody.storage(markdown.toStorage(body.value())) : body;
    }
}
