package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.CqlQuery;
import ai.askel.confluence.domain.PageSummary;
import ai.askel.confluence.domain.Slice;
import java.util.Optional;
import java.util.stream.Stream;

/** CQL search over the pages the connection's user can see. */
public interface SearchPagesUseCase {
    Slice<PageSummary> search(ConnectionRef ref, CqlQuery query, int limit, Optional<String> cursor);

    /** Every result, lazily, one page of results in memory at a time; close the stream when done. */
    Stream<PageSummary> searchAll(ConnectionRef ref, CqlQuery query);
}
