package ai.askel.confluence.app;

import ai.askel.confluence.app.wiring.ConnectorComponent;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/** How a connector starts: the parts {@link AskelConfluence} readies before it answers its first call. */
final class ConnectorStartUp {
    /** The longest a start waits for the warm-up after the database is ready. */
    private static final Duration WARM_UP_WAIT = Duration.ofMinutes(2);

    private ConnectorStartUp() {
    }

    /**
     * Opens, migrates and checks the database (and the master key) on this thread, now rather than at the first call.
     * Meanwhile a short-lived thread builds what needs no database and the first requests will: the content templates,
     * the meter registries and the JDK's TLS context of the Confluence clients; so a start costs about the longer of
     * the two instead of their sum. That thread only warms up: a failure there is left to surface where the part is
     * first used, exactly as without it (a broken template still fails where it always did).
     */
    static void run(ConnectorComponent component) {
        CompletableFuture<Void> independent = CompletableFuture.runAsync(() -> {
            component.listTemplates();
            component.meterRegistry();
            try {
                SSLContext.getDefault();
            } catch (NoSuchAlgorithmException noTls) {
                // the Confluence clients report it when they are built
            }
        }, task -> {
            Thread thread = new Thread(task, "askel-start");
            thread.setDaemon(true);
            thread.start();
        });
        try {
            component.persistence();
        } finally {
            try {
                independent.get(WARM_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CancellationException | TimeoutException warmUpFailedOrSlow) {
                // a failure surfaces again where the part is first used; a slow part is finished there (Dagger's
                // singletons are built once, whichever thread asks first)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
