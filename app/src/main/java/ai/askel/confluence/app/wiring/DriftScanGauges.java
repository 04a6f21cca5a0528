package ai.askel.confluence.app.wiring;

/**
 * The per-connection drift scan gauges, kept in step with the scans stored in the database (which every instance of a
 * cluster shares) while refreshing: an instance that takes its turn at the periodic scan shows the last scan of every
 * connection, whichever instance ran it.
 */
interface DriftScanGauges {
    /** Reads the stored scans now and then periodically, in the background; starting again does nothing. */
    void startRefreshing();

    /** Stops the refresh, waiting (boundedly) for one reading the database; does nothing when not refreshing. */
    void stopRefreshing();
}
