package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ConnectorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @Test
    void the_embedded_database_files_are_owner_only_in_an_owner_only_directory() throws Exception {
        PersistenceFixture fixture = PersistenceFixture.create(TestDatabase.H2_FILE);
        try {
            fixture.start().connections().save(Fixtures.connection(ai.askel.confluence.domain.WorkspaceId.random()));
            Path dir = fixture.dataDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("askel.mv.db")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(MasterKeySource.KEY_FILE))))
                    .isEqualTo("rw-------");
        } finally {
            fixture.close();
        }
    }

    @Test
    void a_new_data_directory_is_created_owner_only(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("fresh").resolve("askel-data");

        DataDirectory.prepare(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void a_data_directory_anybody_may_write_to_is_refused(@TempDir Path parent) throws Exception {
        Path dir = Files.createDirectory(parent.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> DataDirectory.prepare(dir)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("can be written by anybody").hasMessageContaining("chmod 700");
    }

    @Test
    void a_group_readable_data_directory_is_used() throws Exception {
        Path dir = Files.createTempDirectory("askel-shared");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-x---"));
            DataDirectory.prepare(dir); // a warning, no refusal
            assertThat(Files.isDirectory(dir)).isTrue();
        } finally {
            Files.delete(dir);
        }
    }
}
