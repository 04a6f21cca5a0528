package ai.askel.confluence.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data archive (AppCDS) that {@code bin/askel-confluence} asks {@code serve} to write: the classes a start
 * loads, already parsed and verified, so that a later start maps them instead of loading them (about 40 % less CPU
 * until ready, and less resident memory). The launcher passes the archive's path in {@value #PROPERTY}, and
 * {@code -XX:+RecordDynamicDumpInfo}, only when no archive for this jar and this JDK build exists yet; {@code serve}
 * writes it once it is ready, through the JVM's {@code VM.cds dynamic_dump} diagnostic command, so the archive holds
 * what a start needs and appears even if the process is later killed.
 *
 * <p>The archive is written beside its final name and then renamed, so a start never maps half a file; archives of
 * earlier builds of the same jar (same name up to the last {@code -}, which the launcher gives them) are removed. A
 * dynamic archive holds class metadata only, no objects of the running program, so nothing of a customer's data or
 * credentials ends up in it.
 */
final class ClassDataArchive {
    static final String PROPERTY = "askel.cds.archive";
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String SUFFIX = ".jsa";

    private ClassDataArchive() {
    }

    /** The archive the launcher asked for, if it asked and the archive is not there yet. */
    static Optional<Path> requested() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank() || !value.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        Path archive = Path.of(value).toAbsolutePath();
        return Files.exists(archive) ? Optional.empty() : Optional.of(archive);
    }

    /** Writes the requested archive on a thread of its own (the JVM pauses briefly while it writes), if one is requested. */
    static void writeInBackgroundIfRequested() {
        requested().ifPresent(archive -> {
            Thread writer = new Thread(() -> write(archive), "askel-class-data-archive");
            writer.setDaemon(true);
            writer.start();
        });
    }

    /** Writes the archive now; answers whether it is in place. Failures are logged, never thrown: it only speeds starts up. */
    static boolean write(Path archive) {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        long started = System.nanoTime();
        try {
            Files.createDirectories(archive.getParent());
            Object answer = dump(partial);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                LOG.info("No class-data archive was written ({}); starts stay as fast as without one", String.valueOf(answer).strip());
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            removeEarlierBuilds(archive);
            LOG.info("Wrote the class-data archive {} ({} MiB in {} ms); starts through bin/askel-confluence use it from now on", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (JMException | IOException | RuntimeException e) {
            LOG.info("No class-data archive was written ({}); starts stay as fast as without one", e.getMessage());
            return false;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException leftBehind) {
                // a stray .part file is ignored by the launcher and overwritten by no one
            }
        }
    }

    /**
     * The JVM's dynamic dump into {@code file}. The JDK announces it with a line on {@code System.out}; for the dump's
     * length that line, and anything else printed through {@code System.out}, goes to standard error, so standard output
     * keeps only what the command prints (one JSON document with {@code --json}: the command's own writer holds the
     * original stream).
     */
    private static Object dump(Path file) throws JMException {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmCds", new Object[] {new String[] {"dynamic_dump", file.toString()}}, new String[] {String[].class.getName()});
        } finally {
            System.setOut(out);
        }
    }

    /** Archives named like this one up to its last {@code -}: the same jar built or run on a JDK before. */
    private static void removeEarlierBuilds(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash <= 0) {
            return;
        }
        String family = name.substring(0, dash + 1);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(archive.getParent(), family + "*" + SUFFIX)) {
            for (Path sibling : siblings) {
                if (!sibling.equals(archive)) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }
}
