package ai.askel.confluence.domain;

/** How many items of a job are in each state. */
public record JobCounts(long pending, long running, long succeeded, long failed, long cancelled) {
    public JobCounts {
        if (pending < 0 || running < 0 || succeeded < 0 || failed < 0 || cancelled < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public static final JobCounts NONE = new JobCounts(0, 0, 0, 0, 0);

    public long total() {
        return pending + running + succeeded + failed + cancelled;
    }

    public long finished() {
        return succeeded + failed + cancelled;
    }
}
