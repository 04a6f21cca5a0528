package ai.askel.confluence.benchmarks;

/** One measured scenario. It adds its figures and notes to its report section. */
interface Scenario {
    /** Short id used in the report and in {@code -Dbench.scenarios=calls,streaming}. */
    String id();

    String title();

    void run(BenchConfig config, Report.Section section) throws Exception;
}
