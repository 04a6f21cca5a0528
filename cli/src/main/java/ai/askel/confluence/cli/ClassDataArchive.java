package ai.askel.confluence.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data archive (AppCDS) that {@code bin/askel-confluence} asks {@code serve} to write: the classes a start
 * loads, already parsed, verified and linked, so that a later start maps them instead of loading them. When no archive
 * for this jar, JDK build and JVM options exists yet, the launcher starts the JVM with {@code -XX:DumpLoadedClassList}
 * (the JVM lists every class it loads, as it loads it), names the archive in {@value #ARCHIVE_PROPERTY} and passes its
 * {@code JAVA_OPTS} in {@value #OPTIONS_PROPERTY}. Once ready, {@code serve} takes the list so far and has a second JVM
 * build a static archive from it ({@code -Xshare:dump}, at a lower priority where {@code nice} exists), then gives the
 * archive its name. A static archive holds more than a dynamic one written by the running JVM: the classes it links
 * itself, and picocli's and Dagger's (whose Java 5 class files a dynamic archive of JDK 17 leaves out); a start mapping it
 * was about a fifth faster. The serving JVM never pauses for it, and a dump that fails (a JVM option that rules
 * archives out, such as {@code --patch-module}) ends only the second JVM. A third JVM then maps the archive with the
 * caller's options ({@code -Xshare:on -version}), so that an archive those options cannot use is never given its
 * name. When either fails, the launcher is told, by a file beside the archive's name ({@value #UNSUPPORTED}), to start
 * plainly from then on for this jar, JDK and options.
 *
 * <p>The archive is written beside its final name and then renamed, so a start never maps half a file; none is started
 * unless the directory's file system has {@link #MIN_FREE_BYTES} free. Files of the same family (same name up to the
 * last {@code -}, which the launcher gives the archives of one jar path, JDK and options) left by earlier builds, and
 * partial files of writers no longer alive, are removed. An archive holds class metadata and the JDK's own archived
 * objects, nothing of the running program: no customer data or credentials end up in it.
 */
final class ClassDataArchive {
    static final String ARCHIVE_PROPERTY = "askel.cds.archive";
    static final String OPTIONS_PROPERTY = "askel.cds.options";
    static final String UNSUPPORTED = ".unsupported";
    /** Free space a dump needs before it is started: an archive takes 60 to 70 MiB, and its temporary copy as much. */
    static final long MIN_FREE_BYTES = 256L << 20;
    /** The longest the second JVM may take to write the archive (about 6 s of CPU on two cores). */
    static final Duration DUMP_WAIT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String SUFFIX = ".jsa";
    private static final String PARTIAL = ".part";
    private static final String CLASS_LIST = ".classlist";
    private static final String CLASS_LIST_FLAG = "-XX:DumpLoadedClassList=";
    /**
     * Options of the caller's that belong to the serving JVM alone, never to the ones that write and check the archive:
     * its log and dump files, agents (an APM agent would report them as processes), recordings, system properties. The
     * rest (heap, garbage collector, compressed pointers, modules) decide whether an archive can be mapped, so those JVMs
     * get them.
     */
    private static final List<String> SERVING_ONLY = List.of("-Xlog", "-verbose", "-javaagent", "-agentlib", "-agentpath", "-D",
            "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath", "-XX:ErrorFile", "-XX:OnError", "-XX:OnOutOfMemoryError",
            "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");

    private ClassDataArchive() {
    }

    /** What the launcher asked for: the archive to write, the class list the JVM is writing, the JVM options. */
    record Request(Path archive, Path classList, List<String> options) {
    }

    /** The archive the launcher asked for, if it asked (and this JVM lists its classes) and the archive is not there yet. */
    static Optional<Request> requested() {
        return requested(System.getProperty(ARCHIVE_PROPERTY), System.getProperty(OPTIONS_PROPERTY, ""), jvmArguments());
    }

    static Optional<Request> requested(String archiveName, String options, List<String> jvmArguments) {
        if (archiveName == null || archiveName.isBlank() || !archiveName.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        Path archive = Path.of(archiveName).toAbsolutePath();
        Optional<Path> classList = classList(jvmArguments);
        if (classList.isEmpty() || Files.exists(archive)) {
            return Optional.empty();
        }
        // split at blanks, as the launcher splits JAVA_OPTS
        List<String> split = Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> !option.isEmpty() && SERVING_ONLY.stream().noneMatch(option::startsWith)).toList();
        return Optional.of(new Request(archive, classList.get(), split));
    }

    /** The class list this JVM writes for the launcher goes when the process ends ({@code serve} copies it when ready). */
    static void deleteClassListOnExit() {
        classList(jvmArguments()).ifPresent(list -> list.toFile().deleteOnExit());
    }

    private static Optional<Path> classList(List<String> jvmArguments) {
        return jvmArguments.stream().filter(argument -> argument.startsWith(CLASS_LIST_FLAG))
                .map(argument -> Path.of(argument.substring(CLASS_LIST_FLAG.length())).toAbsolutePath()).findFirst();
    }

    private static List<String> jvmArguments() {
        try {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError noManagement) {
            return List.of();
        }
    }

    /** Writes the requested archive on a thread of its own (a second JVM writes it), if one is requested. */
    static void writeInBackgroundIfRequested() {
        requested().ifPresent(request -> {
            Thread writer = new Thread(() -> write(request, javaLauncher(), System.getProperty("java.class.path")), "askel-class-data-archive");
            writer.setDaemon(true);
            writer.start();
        });
    }

    private static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Has {@code java} write the archive from the classes listed so far; answers whether it is in place. Failures are
     * logged, never thrown: the archive only speeds starts up.
     */
    static boolean write(Request request, Path java, String classPath) {
        Path archive = request.archive();
        String pid = String.valueOf(ProcessHandle.current().pid());
        Path partial = archive.resolveSibling(archive.getFileName() + "." + pid + PARTIAL);
        Path classList = archive.resolveSibling(archive.getFileName() + "." + pid + CLASS_LIST + PARTIAL);
        Path output = archive.resolveSibling(archive.getFileName() + "." + pid + ".log" + PARTIAL);
        long started = System.nanoTime();
        try {
            Files.createDirectories(archive.getParent());
            long free = Files.getFileStore(archive.getParent()).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                LOG.info("No class-data archive was written: {} MiB free in {}, a dump needs {} MiB; starts stay as fast as without one",
                        free >> 20, archive.getParent(), MIN_FREE_BYTES >> 20);
                return false;
            }
            Files.write(classList, completeLines(Files.readAllBytes(request.classList())));
            Optional<Integer> dumped = run(dumpCommand(java, request.options(), classList, partial, classPath), output);
            if (dumped.isEmpty()) {
                LOG.info("No class-data archive was written: the JVM writing it took longer than {} s; starts stay as fast as without one",
                        DUMP_WAIT.toSeconds());
                return false;
            }
            // and one with the caller's options must be able to map it, or every start would skip it without a word
            if (dumped.get() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0
                    || run(checkCommand(java, request.options(), partial, classPath), output).filter(exit -> exit == 0).isEmpty()) {
                String why = lastLine(output);
                Files.writeString(archive.resolveSibling(archive.getFileName() + UNSUPPORTED), why + "\n");
                LOG.info("No class-data archive was written ({}); the launcher starts plainly for this jar, JDK and options from now on",
                        why);
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Wrote the class-data archive {} ({} MiB in {} ms); starts through bin/askel-confluence use it from now on", archive,
                    Files.size(archive) >> 20, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.info("No class-data archive was written ({}); starts stay as fast as without one", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            for (Path leftover : List.of(partial, classList, output)) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException leftBehind) {
                    // removed by the next writer of the family, once this process is gone
                }
            }
        }
        try {
            removeOthersOfTheFamily(archive);
        } catch (IOException | RuntimeException e) {
            LOG.info("The class-data archive {} is in place; older files beside it were not all removed ({})", archive, e.getMessage());
        }
        return true;
    }

    /** The second JVM: the caller's options, the class list, and the class path this one runs with (the jar). */
    static List<String> dumpCommand(Path java, List<String> options, Path classList, Path archive, String classPath) {
        List<String> command = new ArrayList<>();
        Optional.of(Path.of("/usr/bin/nice")).filter(Files::isExecutable).ifPresent(nice -> command.addAll(List.of(nice.toString(), "-n", "10")));
        command.addAll(jvm(java, options, "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive, "-cp",
                classPath));
        return command;
    }

    /** A JVM that only maps the archive, as the launcher's starts will, and stops: {@code -Xshare:on} fails if it cannot. */
    static List<String> checkCommand(Path java, List<String> options, Path archive, String classPath) {
        return jvm(java, options, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", classPath, "-version");
    }

    private static List<String> jvm(Path java, List<String> options, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(options);
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs {@code command} with its output in {@code output}; its exit value, or empty (and it is ended) after {@link #DUMP_WAIT}. */
    private static Optional<Integer> run(List<String> command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("JDK_JAVA_OPTIONS"); // the java launcher would add them: agents and log files among them
        Process process = builder.start();
        if (!process.waitFor(DUMP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return Optional.empty();
        }
        return Optional.of(process.exitValue());
    }

    /** The list up to its last complete line: the JVM may be writing the next one. */
    static byte[] completeLines(byte[] list) {
        int end = list.length;
        while (end > 0 && list[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(list, end);
    }

    private static String lastLine(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "the JVM writing it failed" : lines.get(lines.size() - 1);
        } catch (IOException | RuntimeException unreadable) {
            return "the JVM writing it failed";
        }
    }

    /**
     * The files named like this archive up to its last {@code -}, other than it: archives and launcher markers of
     * earlier builds, and partial files whose writer is no longer alive (a class list among them).
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
                if (!sibling.equals(archive) && (!thisBuild || isAbandoned(other))) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    /**
     * A file of a process that has ended: {@code <archive>.<pid>.part} and the other partial files, and the class list
     * the launcher has a JVM write ({@code <archive>.<pid>.classlist}).
     */
    private static boolean isAbandoned(String fileName) {
        int mark = fileName.indexOf(SUFFIX + ".");
        if (mark < 0) {
            return false;
        }
        String[] parts = fileName.substring(mark + SUFFIX.length() + 1).split("\\.");
        try {
            long pid = Long.parseLong(parts[0]);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).map(alive -> !alive).orElse(true);
        } catch (NumberFormatException notAProcessFile) {
            return false;
        }
    }
}
