package ai.askel.confluence.app.wiring;

import ai.askel.confluence.ports.in.RunWorkerUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * This process as one of the cluster's workers: the job items and recurring tasks it runs, and, while it takes its turn
 * at the recurring tasks, its per-connection drift scan gauges kept in step with the scans stored in the database
 * (which any instance may have run).
 */
@Singleton
public final class ClusterWorker {
    private final RunWorkerUseCase worker;
    private final DriftScanGauges gauges;

    @Inject
    ClusterWorker(RunWorkerUseCase worker, DriftScanGauges gauges) {
        this.worker = worker;
        this.gauges = gauges;
    }

    public void start(boolean recurring) {
        worker.start(recurring);
        if (recurring) {
            gauges.startRefreshing();
        }
    }

    public void stop() {
        worker.stop();
        gauges.stopRefreshing();
    }
}
