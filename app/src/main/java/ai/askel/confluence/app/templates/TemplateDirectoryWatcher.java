package ai.askel.confluence.app.templates;

import ai.askel.confluence.ports.in.ReloadTemplatesUseCase;
import ai.askel.confluence.ports.out.TemplateReloadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the templates directory and reloads the templates when its files change, so an author's
 * edit serves without a restart. It polls (names, sizes and modification times, two levels deep,
 * at most {@value #MAX_FILES} files) rather than relying on file-system events, which miss
 * changes on some mounts; a change is acted on once the directory has stayed the same for one
 * interval, so a half-copied file is not loaded.
 */
public final class TemplateDirectoryWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TemplateDirectoryWatcher.class);
    static final int MAX_FILES = 10_000;

    private final Path directory;
    private final ReloadTemplatesUseCase reload;
    private final Consumer<TemplateReloadResult> listener;
    private final ScheduledExecutorService timer;
    private String seen;
    private String pending;

    private TemplateDirectoryWatcher(Path directory, ReloadTemplatesUseCase reload, Consumer<TemplateReloadResult> listener) {
        this.directory = directory;
        this.reload = reload;
        this.listener = listener;
        this.seen = fingerprint();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "template-directory-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching; {@code listener} hears every reload's result. */
    public static TemplateDirectoryWatcher start(Path directory, Duration interval, ReloadTemplatesUseCase reload,
                                                 Consumer<TemplateReloadResult> listener) {
        Objects.requireNonNull(directory, "directory");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        TemplateDirectoryWatcher watcher = new TemplateDirectoryWatcher(directory, reload, listener);
        watcher.timer.scheduleWithFixedDelay(watcher::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watcher;
    }

    private void poll() {
        try {
            String now = fingerprint();
            if (now.equals(seen)) {
                pending = null;
                return;
            }
            if (!now.equals(pending)) {
                pending = now;
                return;
            }
            seen = now;
            pending = null;
            TemplateReloadResult result = reload.reload();
            LOG.info("Templates reloaded: {} loaded, {} removed, {} problem(s)", result.loaded(), result.removed(),
                    result.problems().size());
            listener.accept(result);
        } catch (RuntimeException e) {
            LOG.warn("Could not reload the templates in {}", directory, e);
        }
    }

    private String fingerprint() {
        if (!Files.isDirectory(directory)) {
            return "";
        }
        StringBuilder print = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            files.limit(MAX_FILES).sorted().forEach(file -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    print.append(directory.relativize(file)).append(' ').append(attributes.size()).append(' ')
                            .append(attributes.lastModifiedTime().toMillis()).append('\n');
                } catch (IOException e) {
                    print.append(file).append(" unreadable\n");
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return "unreadable: " + e.getMessage();
        }
        return print.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The template directory watcher did not stop within 5 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
