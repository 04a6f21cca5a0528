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

    /** CQL search: Confluence's own cap is unpublished; 100 is safe. */
    static int search(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return Math.min(limit, 100);
    }
}
