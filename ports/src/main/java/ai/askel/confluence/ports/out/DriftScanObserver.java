package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.DriftScanStatus;

/** Told of every finished drift scan (for metrics); must be cheap and must not throw. */
public interface DriftScanObserver {
    void scanFinished(DriftScanStatus status);

    /** Told that a connection was removed: what was kept about its scans goes with it. */
    default void connectionRemoved(ConnectionId connection) {
    }
}
