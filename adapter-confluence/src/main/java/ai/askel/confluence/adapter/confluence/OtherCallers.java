package ai.askel.confluence.adapter.confluence;

/**
 * How many calls other callers of a site make for each call of this process's, read from the counts Confluence
 * reports: within one window the count falls by everyone's calls, and each answer is one call of this process's.
 * Other instances sharing the database show up here, and so does any other tool of the customer's on the site.
 * <p>
 * Confluence counts a call when it arrives, and answers do not come back in that order, so when an answer is read
 * some of this process's other calls in flight have been counted and some not. The estimate takes them all as
 * counted: it never mistakes this process's own calls for someone else's, and errs on the side of fewer others,
 * which is where a lone instance should err. A window's estimate is kept into the next until that one has enough
 * answers of its own, and forgotten if the next ends without them.
 * Not thread-safe: {@link SitePacer} calls it under its lock.
 */
final class OtherCallers {
    /** Own answers a window needs before its estimate replaces the previous window's. */
    static final int ENOUGH_ANSWERS = 20;
    /** The most calls of others per own call that are believed (a share of 1/51 of the site's budget is left then). */
    static final double MOST_PER_OWN_CALL = 50;

    private int firstCount;
    private int ownAnswers;
    private boolean estimatedThisWindow;
    private double othersPerOwnCall;

    /**
     * Learns from the count an answer reported: {@code sameWindow} false starts a new window with this count.
     * {@code ownUnanswered} is this process's other calls in flight, which may already be in the count.
     */
    void counted(boolean sameWindow, int remaining, int ownUnanswered) {
        if (!sameWindow) {
            if (!estimatedThisWindow) {
                othersPerOwnCall = 0; // older than the window that just ended: the mix of callers may have changed
            }
            firstCount = remaining;
            ownAnswers = 0;
            estimatedThisWindow = false;
            return;
        }
        ownAnswers++;
        if (ownAnswers >= ENOUGH_ANSWERS) {
            int others = Math.max(0, firstCount - remaining - ownAnswers - ownUnanswered);
            othersPerOwnCall = Math.min(MOST_PER_OWN_CALL, others / (double) ownAnswers);
            estimatedThisWindow = true;
        }
    }

    /** One call of this process's and the calls other callers make meanwhile. */
    double callsPerOwnCall() {
        return 1 + othersPerOwnCall;
    }
}
