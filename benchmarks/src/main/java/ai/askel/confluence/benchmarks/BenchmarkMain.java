package ai.askel.confluence.benchmarks;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scenarios one after the other (never in parallel: they measure time and memory) and writes
 * {@code report.md} and {@code report.json} into {@code -Dbench.out}. A scenario that fails is reported as failed; the
 * others still run.
 */
public final class BenchmarkMain {
    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkMain.class);

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.fromSystemProperties();
        Report report = new Report(Instant.now(), MachineInfo.current());
        report.note("Sandbox, connector and load generator share the machine (and, during the run, its cores with other"
                + " builds); times are indicative, call counts and memory figures are exact.");
        List<Scenario> scenarios = List.of(new CallsScenario(), new StreamingScenario(), new BulkPublishScenario(),
                new SearchStreamingScenario(), new OverheadScenario(), new StartupScenario(), new PeerScenario(),
                new NoisyNeighbourScenario(), new DurableCommitsScenario(), new ScaleOutScenario(), new PausedCallsScenario());
        for (Scenario scenario : scenarios) {
            Report.Section section = report.section(scenario.id(), scenario.title());
            if (!config.runs(scenario.id())) {
                section.notSelected();
                continue;
            }
            LOG.info("benchmark {}: {}", scenario.id(), scenario.title());
            long start = System.nanoTime();
            try {
                scenario.run(config, section);
            } catch (ScenarioSkipped e) {
                LOG.info("benchmark {}: {}", scenario.id(), e.getMessage());
                section.skipped(e.getMessage());
            } catch (Exception | Error e) {
                LOG.error("benchmark {} failed", scenario.id(), e);
                section.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            section.seconds((System.nanoTime() - start) / 1e9);
            new ReportWriter().write(report, config.out()); // keep what was measured so far
        }
        new ReportWriter().write(report, config.out());
        LOG.info("report written to {} ({} misses)", config.out().resolve("report.md"), report.misses().size());
    }
}
