package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.JobKind;
import java.time.Duration;

/** Told what happens to job items on this instance (for metrics); must be cheap and must not throw. */
public interface JobObserver {
    /** Items a submission served here queued. */
    void queued(JobKind kind, int items);

    /** An item started running here. */
    void started(JobKind kind);

    /** An item that started here ended: {@code ending} is how, {@code took} how long this attempt ran. */
    void ended(JobKind kind, Ending ending, Duration took);

    /** Items a cancel on this instance stopped before they started. */
    void cancelled(JobKind kind, int items);

    /** How one attempt of an item ended. */
    enum Ending { SUCCEEDED, FAILED, RETRIED }
}
