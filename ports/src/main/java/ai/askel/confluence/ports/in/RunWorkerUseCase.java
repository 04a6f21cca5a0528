package ai.askel.confluence.ports.in;

/**
 * Makes this process one of the cluster's workers: it runs job items, and (with {@code recurring})
 * takes its turn at the periodic drift scan, the token-expiry check and the job housekeeping.
 */
public interface RunWorkerUseCase {
    void start(boolean recurring);

    /** Stops taking new work; items in flight get a bounded time to finish, the rest are picked up elsewhere. */
    void stop();
}
