package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive serve has a second JVM write for the launcher, with a stand-in for that JVM (the whole round trip with
 * the real one: LauncherIT).
 */
class ClassDataArchiveTest {
    private static final String LIST_FLAG = "-XX:DumpLoadedClassList=";

    @TempDir
    Path archives;
    @TempDir
    Path tools;

    @Test
    void only_a_missing_archive_asked_for_by_a_launcher_whose_jvm_lists_its_classes_is_requested() throws IOException {
        Path archive = archives.resolve("askel-confluence-1-2.jsa");
        List<String> listing = List.of("-Xmx512m", LIST_FLAG + archives.resolve("askel-confluence-1-2.jsa.77.classlist"));

        assertThat(ClassDataArchive.requested(null, "", listing)).as("no launcher").isEmpty();
        assertThat(ClassDataArchive.requested(archive.toString(), "", List.of("-Xmx512m"))).as("no class list").isEmpty();
        assertThat(ClassDataArchive.requested(archives.resolve("notes.txt").toString(), "", listing)).as("not an archive's name").isEmpty();
        String javaOpts = " -Xmx512m  -XX:+UseSerialGC -javaagent:/opt/apm.jar -Xlog:gc:file=/var/log/gc.log -Dtenant=a"
                + " -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps --patch-module=java.base=/p ";
        assertThat(ClassDataArchive.requested(archive.toString(), javaOpts, listing)).hasValueSatisfying(request -> {
            assertThat(request.archive()).isEqualTo(archive);
            assertThat(request.classList()).isEqualTo(archives.resolve("askel-confluence-1-2.jsa.77.classlist"));
            assertThat(request.options()).as("JAVA_OPTS split at blanks, as the launcher splits them, less the serving JVM's own")
                    .containsExactly("-Xmx512m", "-XX:+UseSerialGC", "--patch-module=java.base=/p");
        });

        Files.writeString(archive, "written by an earlier start");
        assertThat(ClassDataArchive.requested(archive.toString(), "", listing)).as("already there").isEmpty();
    }

    @Test
    void the_archive_is_written_from_the_complete_lines_of_the_list_and_given_its_name_and_older_files_go() throws IOException {
        Path archive = archives.resolve("askel-confluence-1-2.jsa");
        // the list this JVM is writing: kept, its writer is alive
        Path list = Files.writeString(archives.resolve("askel-confluence-1-2.jsa." + ProcessHandle.current().pid() + ".classlist"),
                "java/lang/Object id: 0\nai/askel/Half");
        Path olderBuild = Files.writeString(archives.resolve("askel-confluence-1-1.jsa"), "an archive of an earlier build");
        Path deadWriter = Files.writeString(archives.resolve("askel-confluence-1-2.jsa." + Long.MAX_VALUE + ".part"), "left by a killed writer");
        Path otherFamily = Files.writeString(archives.resolve("askel-confluence-9-9.jsa"), "another jar's");
        Path received = archives.resolve("received-list");
        Path java = fakeJava("""
                for argument in "$@"; do
                  case $argument in
                    -XX:SharedClassListFile=*) cp "${argument#*=}" '%s' ;;
                    -XX:SharedArchiveFile=*) printf 'archive' > "${argument#*=}" ;;
                  esac
                done
                """.formatted(received));

        boolean written = ClassDataArchive.write(new ClassDataArchive.Request(archive, list, List.of("-Xmx512m")), java, "/opt/askel.jar");

        assertThat(written).isTrue();
        assertThat(archive).hasContent("archive");
        assertThat(received).as("no half-written last line").hasContent("java/lang/Object id: 0\n");
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files).containsExactlyInAnyOrder(archive, list, otherFamily, received);
        }
        assertThat(olderBuild).doesNotExist();
        assertThat(deadWriter).doesNotExist();
    }

    @Test
    void a_jvm_that_cannot_write_the_archive_leaves_only_a_note_telling_the_launcher_so() throws IOException {
        Path archive = archives.resolve("askel-confluence-1-2.jsa");
        Path list = Files.writeString(archives.resolve("askel-confluence-1-2.jsa.77.classlist"), "java/lang/Object id: 0\n");
        Path java = fakeJava("""
                echo 'Error occurred during initialization of VM'
                echo 'Cannot dump shared archive when UseCompressedClassPointers is off.'
                exit 1
                """);

        boolean written = ClassDataArchive.write(new ClassDataArchive.Request(archive, list, List.of()), java, "/opt/askel.jar");

        assertThat(written).isFalse();
        assertOnlyTheListAndANoteSaying(list, "Cannot dump shared archive");
    }

    @Test
    void an_archive_the_callers_options_cannot_map_is_never_given_its_name() throws IOException {
        Path archive = archives.resolve("askel-confluence-1-2.jsa");
        Path list = Files.writeString(archives.resolve("askel-confluence-1-2.jsa." + ProcessHandle.current().pid() + ".classlist"),
                "java/lang/Object id: 0\n");
        Path java = fakeJava("""
                for argument in "$@"; do
                  case $argument in
                    -XX:SharedArchiveFile=*) archive=${argument#*=} ;;
                    -Xshare:on) echo 'An error has occurred while processing the shared archive file.'; exit 1 ;;
                  esac
                done
                printf 'archive' > "$archive"
                """);

        boolean written = ClassDataArchive.write(new ClassDataArchive.Request(archive, list, List.of()), java, "/opt/askel.jar");

        assertThat(written).isFalse();
        assertOnlyTheListAndANoteSaying(list, "processing the shared archive");
    }

    @Test
    void the_second_jvm_gets_the_callers_options_the_list_and_this_jvms_class_path() {
        List<String> command = ClassDataArchive.dumpCommand(Path.of("/jdk/bin/java"), List.of("-Xmx512m"), Path.of("/c/list"),
                Path.of("/c/a.jsa.7.part"), "/opt/askel.jar");

        assertThat(command).endsWith("/jdk/bin/java", "-Xmx512m", "-Xshare:dump", "-XX:SharedClassListFile=/c/list",
                "-XX:SharedArchiveFile=/c/a.jsa.7.part", "-cp", "/opt/askel.jar");
    }

    /** Beside the class list, only the note that keeps the launcher's later starts plain, with the JVM's reason. */
    private void assertOnlyTheListAndANoteSaying(Path list, String reason) throws IOException {
        Path note = archives.resolve("askel-confluence-1-2.jsa" + ClassDataArchive.UNSUPPORTED);
        assertThat(note).content(StandardCharsets.UTF_8).contains(reason);
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files).containsExactlyInAnyOrder(list, note);
        }
    }

    private Path fakeJava(String script) throws IOException {
        Path java = Files.writeString(tools.resolve("java"), "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return java;
    }
}
