package ai.askel.confluence.adapter.persistence;

import jdk.jfr.FlightRecorder;
import org.jdbi.v3.core.statement.JdbiStatementEvent;

/**
 * JDBI registers its statement event with the JDK's flight recorder when it runs its first statement, and the first
 * registration initialises the recorder's metadata: about 50 ms of a start, on the thread that opened the database.
 * Registering the event here, on a thread of its own while the pool opens the database, takes that off the start's
 * path (registering an event twice is harmless). Where the recorder is absent (a runtime image without
 * {@code jdk.jfr}) or unavailable, nothing happens, as in JDBI.
 */
final class StatementEvents {
    private StatementEvents() {
    }

    static void registerInBackground() {
        Thread thread = new Thread(StatementEvents::register, "askel-statement-events");
        thread.setDaemon(true);
        thread.start();
    }

    private static void register() {
        try {
            if (FlightRecorder.isAvailable()) {
                FlightRecorder.register(JdbiStatementEvent.class);
            }
        } catch (LinkageError | RuntimeException noRecorder) {
            // JDBI finds the same and records no statement events
        }
    }
}
