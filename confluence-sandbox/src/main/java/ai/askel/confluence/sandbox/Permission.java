package ai.askel.confluence.sandbox;

/** What a user may do in a space. */
public enum Permission {
    /** The space and its pages are invisible (404, filtered from lists and searches). */
    NONE,
    /** Pages can be read; writes answer 404 on v2 and 403 on v1, as Confluence does. */
    READ,
    /** Pages can be read and written. */
    WRITE;

    boolean canRead() {
        return this != NONE;
    }

    boolean canWrite() {
        return this == WRITE;
    }
}
