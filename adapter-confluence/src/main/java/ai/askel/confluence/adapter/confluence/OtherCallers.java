package ai.askel.confluence.adapter.confluence;

/**
 * How much of a site's budget other callers spend for each call of this process's, read from the counts Confluence
 * reports: within one window the count falls by everyone's calls, and this process knows how many of those were its
 * own (one per answer). Other instances sharing the database show up here, and so does any other tool of the
 * customer's on the same site. The estimate of a window is kept into the next until that one has enough answers of
 * its own to say otherwise. Not thread-safe: {@link SitePacer} calls it under its lock.
 */
final class OtherCallers {
    /** Own answers a window needs before its share replaces the previous window's. */
    static final int ENOUGH_ANSWERS = 20;
    /** A cap on the estimate, so a window in which this process made a handful of calls cannot stall it. */
    static final double MOST_PER_OWN_CALL = 50;

    private int firstCount;
    private int ownAnswers;
    private double othersPerOwnCall;

    /**
     * Learns from the count an answer reported: {@code sameWindow} false starts a new window with this count.
     * The answer's own call was counted before it, so the window's first answer only sets the starting point.
     */
    void counted(boolean sameWindow, int remaining) {
        if (!sameWindow) {
            firstCount = remaining;
            ownAnswers = 0;
            return;
        }
        ownAnswers++;
        if (ownAnswers >= ENOUGH_ANSWERS) {
            int spent = Math.max(0, firstCount - remaining);
            othersPerOwnCall = Math.min(MOST_PER_OWN_CALL, Math.max(0, spent - ownAnswers) / (double) ownAnswers);
        }
    }

    /** How many calls all callers make while this process makes {@code ownCalls}. */
    double allCallers(double ownCalls) {
        return ownCalls * (1 + othersPerOwnCall);
    }
}
