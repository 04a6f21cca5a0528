package ai.askel.confluence.domain;

/** Confluence's id of a page (the same content id in the v1 and v2 APIs). */
public record PageId(String value) {
    public PageId {
        Numeric.id(value, "pageId");
    }

    public static PageId of(String value) {
        return new PageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
