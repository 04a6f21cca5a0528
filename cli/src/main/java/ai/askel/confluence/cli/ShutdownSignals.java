package ai.askel.confluence.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT for {@code serve} and {@code sandbox}: the first asks for an orderly stop, a second forces the
 * process out at once, and so does the end of the grace period if the orderly stop hangs.
 *
 * <p>The JVM's own handling of these signals runs the shutdown hooks and then halts, whether or not
 * the code that stops the server and closes the database has finished, and a second signal is ignored
 * while hooks run. So the handlers here replace it (through {@code sun.misc.Signal}, reached by
 * reflection because it is not a public API; where it is missing, a shutdown hook that waits for the
 * orderly stop takes its place). {@link #close()} puts the previous handlers back.
 */
final class ShutdownSignals implements AutoCloseable {
    /** The exit status of a forced stop (128 + SIGTERM, as a shell reports it). */
    static final int FORCED_EXIT = 143;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final Runnable requestStop;
    private final Duration grace;
    private final AtomicInteger received = new AtomicInteger();
    private final Map<String, Object> previous = new LinkedHashMap<>();
    private final Object stopped = new Object();
    private boolean finished;
    private Thread fallbackHook;
    private Thread watchdog;

    private ShutdownSignals(Runnable requestStop, Duration grace) {
        this.requestStop = requestStop;
        this.grace = grace;
    }

    /** Installs the handlers; {@code requestStop} is run (once) on the first signal. */
    static ShutdownSignals install(Runnable requestStop, Duration grace) {
        ShutdownSignals signals = new ShutdownSignals(requestStop, grace);
        if (!signals.installSignalHandlers()) {
            signals.fallbackHook = new Thread(signals::onFallbackHook, "askel-shutdown");
            Runtime.getRuntime().addShutdownHook(signals.fallbackHook);
        }
        return signals;
    }

    /** Called by the signal handlers. */
    void onSignal(String name) {
        int count = received.incrementAndGet();
        if (count == 1) {
            LOG.info("SIG{} received: stopping (grace period {} s; a second signal forces the stop)", name, grace.toSeconds());
            startWatchdog();
            requestStop.run();
        } else {
            LOG.warn("SIG{} received again: forcing the stop now; requests still in flight are cut off", name);
            halt();
        }
    }

    /** The stop is orderly from here: the watchdog forces it if it takes longer than the grace period and a margin. */
    private void startWatchdog() {
        Duration limit = grace.plusSeconds(10);
        watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                LOG.error("The orderly stop did not finish within {} s: forcing it", limit.toSeconds());
                halt();
            } catch (InterruptedException done) {
                // the stop finished in time
            }
        }, "askel-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void halt() {
        System.err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(FORCED_EXIT);
    }

    /** Without signal handlers: the JVM is exiting; stop orderly and keep it from halting until done (or the grace ends). */
    private void onFallbackHook() {
        received.incrementAndGet();
        LOG.info("Shutting down (grace period {} s)", grace.toSeconds());
        requestStop.run();
        synchronized (stopped) {
            long deadline = System.nanoTime() + grace.plusSeconds(10).toNanos();
            while (!finished && System.nanoTime() < deadline) {
                try {
                    stopped.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether a signal asked for the stop. */
    boolean signalled() {
        return received.get() > 0;
    }

    /** The orderly stop is done: stops the watchdog, lets a waiting shutdown hook return, restores the handlers. */
    @Override
    public void close() {
        synchronized (stopped) {
            finished = true;
            stopped.notifyAll();
        }
        if (watchdog != null) {
            watchdog.interrupt();
        }
        previous.forEach(ShutdownSignals::restore);
        previous.clear();
        if (fallbackHook != null && !signalled()) {
            try {
                Runtime.getRuntime().removeShutdownHook(fallbackHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: nothing to clean up
            }
        }
    }

    private boolean installSignalHandlers() {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signalType.getMethod("handle", signalType, handlerType);
            for (String name : SIGNALS) {
                InvocationHandler onSignal = (proxy, method, args) -> {
                    if (method.getName().equals("handle")) {
                        onSignal(name);
                        return null;
                    }
                    return switch (method.getName()) {
                        case "toString" -> "askel " + name + " handler";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> null;
                    };
                };
                Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, onSignal);
                Object signal = signalType.getConstructor(String.class).newInstance(name);
                previous.put(name, handle.invoke(null, signal, handler));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            previous.forEach(ShutdownSignals::restore);
            previous.clear();
            LOG.debug("signal handlers are not available ({}); stopping through a shutdown hook", e.getClass().getSimpleName());
            return false;
        }
    }

    private static void restore(String name, Object handler) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            signalType.getMethod("handle", signalType, handlerType).invoke(null, signalType.getConstructor(String.class).newInstance(name),
                    handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not restore the {} handler: {}", name, e.getClass().getSimpleName());
        }
    }
}
