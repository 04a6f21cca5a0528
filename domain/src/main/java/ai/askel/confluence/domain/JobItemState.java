package ai.askel.confluence.domain;

/** Where one item of a job is. */
public enum JobItemState {
    /** Waiting for a worker (or for its retry after a transient failure). */
    PENDING,
    /** A worker is running it. */
    RUNNING,
    SUCCEEDED,
    /** Failed for good: a permanent error, or transient ones until the attempts ran out. */
    FAILED,
    /** The job was cancelled before the item started. */
    CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
