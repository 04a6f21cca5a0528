package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.DriftFinding;
import ai.askel.confluence.domain.DriftKind;
import ai.askel.confluence.domain.JobId;
import ai.askel.confluence.ports.in.CheckDriftUseCase;
import ai.askel.confluence.ports.in.RunWorkerUseCase;
import ai.askel.confluence.ports.out.ClockPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort;
import ai.askel.confluence.ports.out.ClusterSchedulerPort.ClusterWork;
import ai.askel.confluence.ports.out.ClusterSchedulerPort.RecurringWork;
import ai.askel.confluence.ports.out.JobRepositoryPort;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one of the cluster's workers. It runs job items ({@link JobItemRunner}) and, with
 * {@code recurring}, takes its turn at three tasks that run once per cluster per occurrence: the drift
 * scan of every connection (when an interval is configured), the token-expiry check, and the job
 * housekeeping (purge jobs past their retention; queue again items a crashed submission left unqueued).
 */
@Singleton
final class ClusterWorkerService implements RunWorkerUseCase {
    static final String DRIFT_SCAN = "drift-scan";
    static final String TOKEN_EXPIRY = "token-expiry-check";
    static final String HOUSEKEEPING = "job-housekeeping";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWorkerService.class);

    private final ClusterSchedulerPort scheduler;
    private final JobItemRunner items;
    private final CheckDriftUseCase drift;
    private final TokenExpiry tokenExpiry;
    private final JobRepositoryPort jobs;
    private final ClockPort clock;
    private final WorkerSettings settings;

    @Inject
    public ClusterWorkerService(ClusterSchedulerPort scheduler, JobItemRunner items, CheckDriftUseCase drift, TokenExpiry tokenExpiry,
                                JobRepositoryPort jobs, ClockPort clock, WorkerSettings settings) {
        this.scheduler = scheduler;
        this.items = items;
        this.drift = drift;
        this.tokenExpiry = tokenExpiry;
        this.jobs = jobs;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void start(boolean recurring) {
        List<RecurringWork> tasks = new ArrayList<>();
        if (recurring) {
            if (!settings.driftScanInterval().isZero()) {
                tasks.add(new RecurringWork(DRIFT_SCAN, settings.driftScanInterval(), this::scanDrift));
            }
            tasks.add(new RecurringWork(TOKEN_EXPIRY, settings.tokenExpiryCheckInterval(), this::checkTokenExpiry));
            tasks.add(new RecurringWork(HOUSEKEEPING, settings.housekeepingInterval(), this::housekeeping));
        }
        scheduler.start(new ClusterWork(items::run, tasks));
    }

    @Override
    public void stop() {
        scheduler.stop();
    }

    private void scanDrift() {
        List<DriftFinding> open = drift.scanAll();
        long unscanned = open.stream().filter(f -> f.kind() == DriftKind.SCAN_FAILED).count();
        long attention = open.stream().filter(DriftFinding::needsAttention).count();
        if (unscanned > 0) {
            LOG.warn("drift scan done: {} open findings ({} need attention); {} connections could not be scanned", open.size(),
                    attention, unscanned);
        } else {
            LOG.info("drift scan done: {} open findings ({} need attention)", open.size(), attention);
        }
    }

    private void checkTokenExpiry() {
        int expiring = tokenExpiry.checkAll();
        LOG.info("token expiry check done: {} connections with an expiring token", expiring);
    }

    /** Purges finished jobs past their retention, and queues again every item not finished (queued items stay queued once). */
    void housekeeping() {
        int purged = jobs.purgeFinishedBefore(clock.now().minus(settings.jobRetention()));
        for (JobId job : jobs.unfinishedJobs()) {
            scheduler.enqueue(job, jobs.unfinishedItems(job));
        }
        if (purged > 0) {
            LOG.info("job housekeeping: {} finished jobs past their retention purged", purged);
        }
    }
}
