package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import java.util.Optional;
import java.util.stream.Stream;

/** CQL search (v1 {@code /content/search}, the only search Confluence has). */
public interface ConfluenceSearchPort {
    /** One page of results, with the cursor of the next. */
    Slice<PageSummary> search(ConfluenceAccess access, CqlQuery query, int limit, Optional<String> cursor);

    /**
     * Every result, fetched lazily page by page as the stream is consumed, holding one page in
     * memory at a time; stops on an empty page or a repeated cursor. Close the stream when done.
     */
    Stream<PageSummary> stream(ConfluenceAccess access, CqlQuery query, int pageSize);

    /**
     * As {@link #stream}, with each page's attachments (id, name, size, version) carried in the same calls where
     * Confluence serves them all inline ({@link PageSummary#attachments()} is empty for a page where it did not).
     */
    Stream<PageSummary> streamWithAttachments(ConfluenceAccess access, CqlQuery query, int pageSize);
}
