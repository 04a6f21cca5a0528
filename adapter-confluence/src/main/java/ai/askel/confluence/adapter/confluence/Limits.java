package ai.askel.confluence.adapter.confluence;

/** Page sizes Confluence accepts. */
final class Limits {
    static final int V2_MAX = 250;

    private Limits() {
    }

    /** v2 lists take 1..250. */
    static int v2(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return Math.min(limit, V2_MAX);
    }

    /**
     * CQL search: Confluence's own cap is unpublished. Asking for 250 (the v2 maximum) costs nothing when
     * it serves fewer: the answer then carries a next link, which the search follows.
     */
    static int search(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return Math.min(limit, V2_MAX);
    }
}
