package ai.askel.confluence.adapter.persistence;

import java.time.Instant;

/** A row of {@code drift_scan_status}. */
record DriftScanStatusRow(String connectionId, Instant startedAt, long tookMillis, String outcome, String problem, int openFindings) {
}
