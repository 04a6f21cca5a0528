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
 * loads, already parsed and verified, so that a later start maps them instead of loading them (about a third less CPU
 * until ready, and less resident memory). The launcher passes the archive's path in {@value #PROPERTY}, and
 * {@code -XX:+RecordDynamicDumpInfo}, only when no archive for this jar, JDK build and JVM options exists yet;
 * {@code serve} writes it once it is ready, through the JVM's {@code VM.cds dynamic_dump} diagnostic command, so the
 * archive holds what a start needs and appears even if the process is later killed.
 *
 * <p>The archive is written beside its final name and then renamed, so a start never maps half a file. The JVM ends
 * the process when it cannot write a dump, so none is started unless the directory's file system has
 * {@link #MIN_FREE_BYTES} free. Files of the same family (same name up to the last {@code -}, which the launcher gives
 * the archives of one jar path, JDK and options) left by earlier builds, and partial files of writers no longer alive,
 * are removed. A dynamic archive holds class metadata only, no objects of the running program, so nothing of a
 * customer's data or credentials ends up in it.
 */
final class ClassDataArchive {
    static final String PROPERTY = "askel.cds.archive";
    /** Free space a dump needs before it is started: an archive takes 35 to 45 MiB, and its temporary copy as much. */
    static final long MIN_FREE_BYTES = 256L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String SUFFIX = ".jsa";
    private static final String PARTIAL = ".part";

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
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + PARTIAL);
        long started = System.nanoTime();
        try {
            Files.createDirectories(archive.getParent());
            long free = Files.getFileStore(archive.getParent()).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                LOG.info("No class-data archive was written: {} MiB free in {}, a dump needs {} MiB; starts stay as fast as without one",
                        free >> 20, archive.getParent(), MIN_FREE_BYTES >> 20);
                return false;
            }
            Object answer = dump(partial);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                LOG.info("No class-data archive was written ({}); starts stay as fast as without one", String.valueOf(answer).strip());
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Wrote the class-data archive {} ({} MiB in {} ms); starts through bin/askel-confluence use it from now on", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1_000_000);
        } catch (JMException | IOException | RuntimeException e) {
            LOG.info("No class-data archive was written ({}); starts stay as fast as without one", e.getMessage());
            return false;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException leftBehind) {
                // removed by the next writer of the family, once this process is gone
            }
        }
        try {
            removeOthersOfTheFamily(archive);
        } catch (IOException | RuntimeException e) {
            LOG.info("The class-data archive {} is in place; older files beside it were not all removed ({})", archive, e.getMessage());
        }
        return true;
    }

    /**
     * The JVM's dynamic dump into {@code file} (quoted: the diagnostic command splits its arguments at blanks). The JDK
     * announces it with a line on {@code System.out}; for the dump's length that line, and anything else printed
     * through {@code System.out}, goes to standard error, so standard output keeps only what the command prints (one
     * JSON document with {@code --json}: the command's own writer holds the original stream).
     */
    private static Object dump(Path file) throws JMException {
        PrintStream out = System.out;
        System.setOut(System.err);
        try {
            return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "vmCds", new Object[] {new String[] {"dynamic_dump", "\"" + file + "\""}}, new String[] {String[].class.getName()});
        } finally {
            System.setOut(out);
        }
    }

    /**
     * The files named like this archive up to its last {@code -}, other than it: archives and launcher markers of
     * earlier builds, and partial files whose writer is no longer alive.
     */
    private static void removeOthersOfTheFamily(Path archive) throws IOException {
        String name = archive.getFileName().toString();
        int dash = name.lastIndexOf('-');
        if (dash <= 0) {
            return;
        }
        String family = name.substring(0, dash + 1);
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(archive.getParent(), family + "*")) {
            for (Path sibling : siblings) {
                String other = sibling.getFileName().toString();
                boolean thisBuild = other.startsWith(name);
                if (!sibling.equals(archive) && (!thisBuild || isAbandonedPartial(other))) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    /** A partial file ({@code <archive>.<pid>.part}, and the JDK's own {@code .temp} of it) whose writer has ended. */
    private static boolean isAbandonedPartial(String fileName) {
        int part = fileName.indexOf(PARTIAL);
        if (part < 0) {
            return false;
        }
        String beforePart = fileName.substring(0, part);
        try {
            long pid = Long.parseLong(beforePart.substring(beforePart.lastIndexOf('.') + 1));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).map(alive -> !alive).orElse(true);
        } catch (NumberFormatException notAPartial) {
            return false;
        }
    }
}
