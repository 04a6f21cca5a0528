package ai.askel.confluence.ports.out;

import ai.askel.confluence.domain.DriftScanStatus;

/** Told of every finished drift scan (for metrics); must be cheap and must not throw. */
public interface DriftScanObserver {
    void scanFinished(DriftScanStatus status);
}
