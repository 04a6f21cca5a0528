package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {
    @TempDir
    Path temp;

    private PersistenceSettings embedded() {
        return PersistenceSettings.defaults().withDataDirectory(temp.resolve("askel-data"));
    }

    @Test
    void the_first_start_creates_an_owner_only_key_file_that_later_starts_reuse() throws IOException {
        MasterKeySource source = new MasterKeySource(embedded());

        MasterKey created = source.load(Set.of());

        Path file = temp.resolve("askel-data").resolve(MasterKeySource.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new MasterKeySource(embedded()).load(Set.of()).id()).isEqualTo(created.id());
        assertThat(source.isFileBacked()).isTrue();
    }

    @Test
    void a_configured_key_wins_and_no_file_is_written() {
        MasterKey key = MasterKeys.generate();
        MasterKeySource source = new MasterKeySource(embedded().withMasterKeyBase64(MasterKeys.toBase64(key)));

        assertThat(source.load(Set.of()).id()).isEqualTo(key.id());
        assertThat(source.isFileBacked()).isFalse();
        assertThat(temp.resolve("askel-data")).doesNotExist();
    }

    @Test
    void the_same_key_always_has_the_same_id_and_different_keys_different_ids() {
        MasterKey key = MasterKeys.generate();

        assertThat(MasterKeys.fromBase64(MasterKeys.toBase64(key), "test").id()).isEqualTo(key.id()).startsWith("k-");
        assertThat(MasterKeys.generate().id()).isNotEqualTo(key.id());
    }

    @Test
    void a_malformed_configured_key_is_refused_with_a_clear_message() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new MasterKeySource(embedded().withMasterKeyBase64("not base64 !")).load(Set.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new MasterKeySource(embedded().withMasterKeyBase64(shortKey)).load(Set.of()))
                .hasMessageContaining("32 bytes").hasMessageContaining("16 bytes");
    }

    @Test
    void a_rotation_interrupted_after_its_commit_is_completed_on_the_next_start() {
        MasterKeySource source = new MasterKeySource(embedded());
        MasterKey old = source.load(Set.of());
        MasterKey next = MasterKeys.generate();
        source.stage(next);

        // the database already holds values under the new key: the commit happened
        MasterKey loaded = new MasterKeySource(embedded()).load(Set.of(next.id()));

        assertThat(loaded.id()).isEqualTo(next.id()).isNotEqualTo(old.id());
        assertThat(temp.resolve("askel-data").resolve(MasterKeySource.NEXT_KEY_FILE)).doesNotExist();
    }

    @Test
    void a_rotation_interrupted_before_its_commit_is_discarded_on_the_next_start() {
        MasterKeySource source = new MasterKeySource(embedded());
        MasterKey old = source.load(Set.of());
        source.stage(MasterKeys.generate());

        MasterKey loaded = new MasterKeySource(embedded()).load(Set.of(old.id()));

        assertThat(loaded.id()).isEqualTo(old.id());
        assertThat(temp.resolve("askel-data").resolve(MasterKeySource.NEXT_KEY_FILE)).doesNotExist();
    }
}
