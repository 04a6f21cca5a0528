package ai.askel.confluence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive serve writes for the launcher (the whole round trip: LauncherIT); here what happens when it cannot. */
class ClassDataArchiveTest {
    @TempDir
    Path archives;

    @AfterEach
    void forgetTheRequest() {
        System.clearProperty(ClassDataArchive.PROPERTY);
    }

    @Test
    void a_jvm_not_started_to_record_writes_nothing_and_leaves_nothing_behind() throws IOException {
        Path archive = archives.resolve("askel-confluence-1-2.jsa");

        assertThat(ClassDataArchive.write(archive)).isFalse();

        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void only_a_missing_archive_named_by_the_launcher_is_requested() throws IOException {
        assertThat(ClassDataArchive.requested()).as("no launcher").isEmpty();

        Path archive = archives.resolve("askel-confluence-1-2.jsa");
        System.setProperty(ClassDataArchive.PROPERTY, archive.toString());
        assertThat(ClassDataArchive.requested()).contains(archive);

        Files.writeString(archive, "written by an earlier start");
        assertThat(ClassDataArchive.requested()).as("already there").isEmpty();

        System.setProperty(ClassDataArchive.PROPERTY, archives.resolve("notes.txt").toString());
        assertThat(ClassDataArchive.requested()).as("not an archive's name").isEmpty();
    }
}
