package ai.askel.confluence.domain;

/** Where a job is, decided by {@link Job#state()} from its items' counts and whether it was cancelled. */
public enum JobState {
    /** No item has started yet. */
    QUEUED,
    /** Items are running or waiting. */
    RUNNING,
    /** Cancelled while items were in flight: no new item starts, the running ones finish. */
    CANCELLING,
    /** Every item finished (succeeded or failed). */
    COMPLETED,
    /** Cancelled; nothing runs any more. Items that had not started are {@link JobItemState#CANCELLED}. */
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
