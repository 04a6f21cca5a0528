package ai.askel.confluence.ports.in;

/** How a publish ended. */
public enum PublishOutcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    /** The page had drifted and the policy was {@code skip}: nothing was written. */
    SKIPPED,
    /** A dry run: the plan, nothing written. */
    PLANNED
}
