package ai.askel.confluence.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/** Runs the command line in-process with captured output, always with the given data directory and config file. */
final class CliRunner {
    private final List<String> globalArgs;

    CliRunner(Path dataDir, Path configFile) {
        this.globalArgs = List.of("--data-dir", dataDir.toString(), "--config", configFile.toString());
    }

    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    Result run(String... args) {
        return run(Optional.empty(), args);
    }

    /** With {@code stdin} as standard input (for --token-stdin). */
    Result run(Optional<String> stdin, String... args) {
        WatchedWriter out = new WatchedWriter();
        WatchedWriter err = new WatchedWriter();
        InputStream original = System.in;
        // never the fork's own standard input (surefire's channel): a command reading it would wait forever
        System.setIn(new ByteArrayInputStream(stdin.orElse("").getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = AskelCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), withGlobals(args));
            return new Result(exit, out.text(), err.text());
        } finally {
            System.setIn(original);
        }
    }

    private String[] withGlobals(String... args) {
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** A long-running command (serve, sandbox) in its own thread, stoppable through its latch. */
    Background start(String... args) {
        List<Object> created = new CopyOnWriteArrayList<>();
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory recording = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K made = defaults.create(cls);
                created.add(made);
                return made;
            }
        };
        WatchedWriter out = new WatchedWriter();
        WatchedWriter err = new WatchedWriter();
        FutureTask<Integer> task = new FutureTask<>(() -> AskelCommand.run(recording, new PrintWriter(out, true), new PrintWriter(err, true),
                withGlobals(args)));
        Thread thread = new Thread(task, "cli-" + args[0]);
        thread.setDaemon(true);
        thread.start();
        return new Background(task, created, out, err);
    }

    static final class Background implements AutoCloseable {
        private final FutureTask<Integer> task;
        private final List<Object> created;
        final WatchedWriter out;
        final WatchedWriter err;

        Background(FutureTask<Integer> task, List<Object> created, WatchedWriter out, WatchedWriter err) {
            this.task = task;
            this.created = created;
            this.out = out;
            this.err = err;
        }

        /** Waits until the output contains {@code text}; fails with the output so far if the command ended or took too long. */
        String awaitOutput(String text) {
            if (!out.await(text, Duration.ofSeconds(60), task::isDone)) {
                throw new AssertionError("no '" + text + "' in the output of the command:\n" + out.text() + "\n--- err\n" + err.text());
            }
            return out.text();
        }

        /** Counts down the stop latch of the serve or sandbox command and answers its exit code. */
        int stop() throws InterruptedException, ExecutionException, TimeoutException {
            for (Object o : created) {
                if (o instanceof ServeCommand serve) {
                    serve.stop.countDown();
                } else if (o instanceof SandboxCommand sandbox) {
                    sandbox.stop.countDown();
                }
            }
            return task.get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (!task.isDone()) {
                stop();
            }
        }
    }

    /** Collects what is written and lets a test wait (without sleeping) until some text appears. */
    static final class WatchedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
            notifyAll();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized boolean await(String wanted, Duration timeout, java.util.function.BooleanSupplier ended) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (text.indexOf(wanted) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended.getAsBoolean()) {
                    return text.indexOf(wanted) >= 0;
                }
                try {
                    wait(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
