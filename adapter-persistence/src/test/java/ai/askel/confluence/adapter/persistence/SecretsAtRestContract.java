package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.EncryptedSecret;
import ai.askel.confluence.ports.out.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API tokens at rest: never in plain text, unreadable with the wrong key, and rotated to a new key
 * all at once or not at all. Each test gets a database of its own, since some damage it.
 */
abstract class SecretsAtRestContract {
    private static final ConnectionId FIRST = ConnectionId.of("00000000-0000-4000-8000-00000000000a");
    private static final ConnectionId SECOND = ConnectionId.of("00000000-0000-4000-8000-00000000000b");
    private static final ConnectionId THIRD = ConnectionId.of("00000000-0000-4000-8000-00000000000c");

    private PersistenceFixture fixture;
    private TestPersistenceComponent persistence;
    private final WorkspaceId workspace = WorkspaceId.random();

    abstract TestDatabase database();

    @BeforeEach
    void freshDatabase() {
        fixture = PersistenceFixture.create(database());
        persistence = fixture.start();
    }

    @AfterEach
    void closeDatabase() {
        fixture.close();
    }

    /** A token row as stored: key id, nonce and ciphertext, by connection id. */
    private record StoredToken(String keyId, byte[] nonce, byte[] ciphertext) {
        EncryptedSecret encrypted() {
            return new EncryptedSecret(keyId, nonce, ciphertext);
        }

        boolean sameBytes(StoredToken other) {
            return keyId.equals(other.keyId) && java.util.Arrays.equals(nonce, other.nonce)
                    && java.util.Arrays.equals(ciphertext, other.ciphertext);
        }
    }

    private Map<String, StoredToken> storedTokens() {
        return fixture.raw().withHandle(h -> h.createQuery("SELECT id, token_key_id, token_nonce, token_ciphertext FROM connection")
                .map((rs, ctx) -> Map.entry(rs.getString("id"), new StoredToken(rs.getString("token_key_id"),
                        rs.getBytes("token_nonce"), rs.getBytes("token_ciphertext"))))
                .list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<Connection> saveThree() {
        List<Connection> saved = List.of(Fixtures.connection(workspace, FIRST), Fixtures.connection(workspace, SECOND),
                Fixtures.connection(WorkspaceId.random(), THIRD));
        saved.forEach(persistence.connections()::save);
        return saved;
    }

    private MasterKey currentKey() {
        return new MasterKeySource(fixture.settings()).load(Set.of());
    }

    /** Every value in every table of the schema, as text (binary values in both likely decodings). */
    private List<String> everyStoredValue() throws SQLException {
        return fixture.raw().withHandle(h -> {
            List<String> values = new ArrayList<>();
            DatabaseMetaData meta = h.getConnection().getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema != null && schema.toLowerCase(Locale.ROOT).equals("public")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).extracting(t -> t.toLowerCase(Locale.ROOT)).contains("connection", "runbook", "api_key");
            try (Statement statement = h.getConnection().createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        ResultSetMetaData columns = rs.getMetaData();
                        while (rs.next()) {
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                Object value = rs.getObject(i);
                                if (value instanceof byte[] bytes) {
                                    values.add(new String(bytes, StandardCharsets.UTF_8));
                                    values.add(new String(bytes, StandardCharsets.ISO_8859_1));
                                    values.add(HexFormat.of().formatHex(bytes));
                                } else if (value != null) {
                                    values.add(value.toString());
                                }
                            }
                        }
                    }
                }
            }
            return values;
        });
    }

    @Test
    void no_table_holds_a_token_in_plain_text() throws IOException, SQLException {
        List<Connection> saved = saveThree();
        persistence.runbooks().insertOrGet(Fixtures.runbook(saved.get(0), "Payments API"));

        List<String> values = everyStoredValue();

        assertThat(values).isNotEmpty();
        for (Connection connection : saved) {
            String token = connection.apiToken().reveal();
            List<String> forms = List.of(token, Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)),
                    HexFormat.of().formatHex(token.getBytes(StandardCharsets.UTF_8)));
            assertThat(values).noneMatch(v -> forms.stream().anyMatch(v::contains));
        }
        Map<String, StoredToken> stored = storedTokens();
        assertThat(stored.values()).allSatisfy(t -> {
            assertThat(t.keyId()).isEqualTo(persistence.cipher().currentKeyId());
            assertThat(t.nonce()).hasSize(12);
        });
        assertThat(stored.values().stream().map(t -> HexFormat.of().formatHex(t.nonce())).distinct()).hasSize(3);
        if (database() == TestDatabase.H2_FILE) {
            fixture.stopAll();
            assertNoFileContains(fixture.dataDirectory(), saved.stream().map(c -> c.apiToken().reveal()).toList());
        }
    }

    private static void assertNoFileContains(Path directory, List<String> tokens) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).anyMatch(p -> p.getFileName().toString().endsWith(".mv.db"));
            for (Path file : regular) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(tokens).as("tokens in %s", file).noneMatch(content::contains);
            }
        }
    }

    @Test
    void a_token_ciphertext_moved_to_another_connection_row_does_not_decrypt() {
        saveThree();
        StoredToken first = storedTokens().get(FIRST.value());
        fixture.raw().useHandle(h -> h.createUpdate("UPDATE connection SET token_key_id = :k, token_nonce = :n, token_ciphertext = :c"
                + " WHERE id = :id").bind("k", first.keyId()).bind("n", first.nonce()).bind("c", first.ciphertext())
                .bind("id", SECOND.value()).execute());

        assertThatThrownBy(() -> persistence.connections().find(workspace, SECOND))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH));
        assertThat(persistence.connections().find(workspace, FIRST)).isPresent();
    }

    @Test
    void tokens_stored_before_ciphertexts_were_bound_to_their_row_are_bound_at_start() {
        List<Connection> saved = saveThree();
        EncryptedSecret unbound = persistence.cipher().encrypt(saved.get(0).apiToken());
        fixture.raw().useHandle(h -> h.createUpdate("UPDATE connection SET token_nonce = :n, token_ciphertext = :c, token_binding = 1"
                + " WHERE id = :id").bind("n", unbound.nonce()).bind("c", unbound.ciphertext()).bind("id", FIRST.value()).execute());
        assertThat(persistence.connections().find(workspace, FIRST)).as("still readable before the upgrade").contains(saved.get(0));
        fixture.stopAll();
        PersistenceSettings restart = fixture.settings();

        TestPersistenceComponent restarted = fixture.start(restart);

        List<Integer> bindings = fixture.raw().withHandle(h -> h.createQuery("SELECT token_binding FROM connection")
                .mapTo(Integer.class).list());
        assertThat(bindings).containsOnly(2);
        assertThat(storedTokens().get(FIRST.value()).ciphertext()).isNotEqualTo(unbound.ciphertext());
        assertThat(restarted.connections().find(workspace, FIRST)).contains(saved.get(0));
    }

    @Test
    void after_credentials_or_the_master_key_rotate_no_copy_of_an_old_ciphertext_is_left_in_the_database_file() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(database() == TestDatabase.H2_FILE, "only the embedded database is a file of ours");
        List<Connection> saved = saveThree();
        Map<String, StoredToken> original = storedTokens();
        assertThat(fileContains(original.get(FIRST.value()).ciphertext())).as("the scan finds a current ciphertext").isTrue();

        Connection rotated = saved.get(0).withCredentials(saved.get(0).email(), ai.askel.confluence.domain.Secret.of("ATATT-rotated", "apiToken"),
                Optional.empty(), Fixtures.NOW.plusSeconds(60));
        persistence.connections().save(rotated);
        assertThat(fileContains(original.get(FIRST.value()).ciphertext())).as("the replaced token's ciphertext").isFalse();
        assertThat(fileContains(original.get(SECOND.value()).ciphertext())).as("an unchanged token is still there").isTrue();

        Map<String, StoredToken> beforeKeyRotation = storedTokens();
        persistence.rotation().rotateTo(MasterKeys.generate());
        for (StoredToken old : beforeKeyRotation.values()) {
            assertThat(fileContains(old.ciphertext())).as("a ciphertext under the retired key").isFalse();
        }
        StoredToken removed = storedTokens().get(SECOND.value());
        assertThat(persistence.connections().delete(workspace, SECOND)).isTrue();
        assertThat(fileContains(removed.ciphertext())).as("a removed connection's ciphertext").isFalse();
    }

    @Test
    void a_replaced_tokens_ciphertext_is_scrubbed_from_a_file_that_is_almost_all_live_data() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(database() == TestDatabase.H2_FILE, "only the embedded database is a file of ours");
        Connection saved = saveThree().get(0);
        byte[] replaced = storedTokens().get(FIRST.value()).ciphertext();
        // 4 MB in one commit after it: the token's page is a sliver of a file that H2 sees as full (fill rate above 90 %)
        fixture.raw().useHandle(h -> h.execute("CREATE TABLE live_bulk AS SELECT X AS id, REPEAT('x', 200) AS filler FROM SYSTEM_RANGE(1, 20000)"));
        try {
            assertThat(fileContains(replaced)).as("the scan finds the current ciphertext").isTrue();

            persistence.connections().save(saved.withCredentials(saved.email(), ai.askel.confluence.domain.Secret.of("ATATT-rotated", "apiToken"),
                    Optional.empty(), Fixtures.NOW.plusSeconds(60)));

            assertThat(fileContains(replaced)).as("the replaced token's ciphertext").isFalse();
        } finally {
            fixture.raw().useHandle(h -> h.execute("DROP TABLE live_bulk"));
        }
    }

    @Test
    void a_replaced_tokens_ciphertext_is_scrubbed_from_a_file_created_with_h2s_default_write_delay() throws IOException {
        Assumptions.assumeTrue(database() == TestDatabase.H2_FILE, "only the embedded database is a file of ours");
        fixture.stopAll();
        deleteDataDirectory();
        // the schema written as an older connector, or a host's own tool, would write it: in a few large chunks
        Files.createDirectories(fixture.dataDirectory());
        Flyway.configure().dataSource("jdbc:h2:file:" + fixture.dataDirectory().toAbsolutePath().resolve(
                        PersistenceSettings.EMBEDDED_DATABASE_NAME) + ";MAX_COMPACT_TIME=0", "", "")
                .locations("classpath:ai/askel/confluence/db/migration").table("askel_schema_history").load().migrate();
        persistence = fixture.start();
        Connection saved = saveThree().get(0);
        byte[] replaced = storedTokens().get(FIRST.value()).ciphertext();
        assertThat(fileContains(replaced)).as("the scan finds the current ciphertext").isTrue();

        persistence.connections().save(saved.withCredentials(saved.email(), Secret.of("ATATT-rotated", "apiToken"),
                Optional.empty(), Fixtures.NOW.plusSeconds(60)));

        assertThat(fileContains(replaced)).as("the replaced token's ciphertext").isFalse();
    }

    private void deleteDataDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(fixture.dataDirectory())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Whether the embedded database's file, read while the database is open, holds these bytes anywhere. */
    private boolean fileContains(byte[] needle) throws IOException {
        byte[] file = Files.readAllBytes(fixture.dataDirectory().resolve("askel.mv.db"));
        outer:
        for (int i = 0; i + needle.length <= file.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (file[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void starting_with_another_master_key_fails_clearly_and_never_yields_garbage() throws IOException {
        Connection saved = saveThree().get(0);
        String rightKeyId = persistence.cipher().currentKeyId();
        fixture.stopAll();
        MasterKey wrong = MasterKeys.generate();

        PersistenceSettings wrongSettings;
        if (fixture.settings().isEmbedded()) {
            Files.writeString(fixture.dataDirectory().resolve(MasterKeySource.KEY_FILE), MasterKeys.toBase64(wrong));
            wrongSettings = fixture.settings();
        } else {
            wrongSettings = fixture.settings().withMasterKeyBase64(MasterKeys.toBase64(wrong));
        }

        assertThatThrownBy(() -> fixture.start(wrongSettings))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH))
                .hasMessageContaining(rightKeyId)
                .hasMessageContaining(wrong.id())
                .hasMessageNotContaining(saved.apiToken().reveal());
    }

    @Test
    void a_token_under_another_key_or_altered_fails_on_read_with_the_key_mismatch_code() {
        saveThree();
        AesGcmSecretCipherAdapter foreign = new AesGcmSecretCipherAdapter(MasterKeys.generate());
        EncryptedSecret underForeignKey = foreign.encrypt(Fixtures.token());
        StoredToken second = storedTokens().get(SECOND.value());
        byte[] altered = second.ciphertext();
        altered[0] ^= 0x01;
        fixture.raw().useHandle(h -> {
            h.createUpdate("UPDATE connection SET token_key_id = :k, token_nonce = :n, token_ciphertext = :c WHERE id = :id")
                    .bind("k", underForeignKey.keyId()).bind("n", underForeignKey.nonce()).bind("c", underForeignKey.ciphertext())
                    .bind("id", FIRST.value()).execute();
            h.createUpdate("UPDATE connection SET token_ciphertext = :c WHERE id = :id")
                    .bind("c", altered).bind("id", SECOND.value()).execute();
        });

        assertThatThrownBy(() -> persistence.connections().find(workspace, FIRST))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH))
                .hasMessageContaining(underForeignKey.keyId());
        assertThatThrownBy(() -> persistence.connections().find(workspace, SECOND))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH))
                .hasMessageContaining("altered");
    }

    @Test
    void rotation_re_encrypts_every_token_and_the_old_key_no_longer_decrypts() {
        List<Connection> saved = saveThree();
        MasterKey oldKey = currentKey();
        Map<String, StoredToken> before = storedTokens();
        MasterKey newKey = MasterKeys.generate();

        // whatever id the caller gives the key, the stored id is derived from the key, as at start
        assertThat(persistence.rotation().rotateTo(new MasterKey("chosen-by-the-app", newKey.key()))).isEqualTo(3);

        Map<String, StoredToken> after = storedTokens();
        assertThat(after).hasSize(3).allSatisfy((id, token) -> {
            assertThat(token.keyId()).isEqualTo(newKey.id());
            assertThat(token.ciphertext()).isNotEqualTo(before.get(id).ciphertext());
            assertThat(token.nonce()).isNotEqualTo(before.get(id).nonce());
            assertThatThrownBy(() -> new AesGcmSecretCipherAdapter(oldKey).decrypt(token.encrypted()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH));
        });
        assertThat(persistence.cipher().currentKeyId()).isEqualTo(newKey.id());
        assertThat(persistence.connections().find(workspace, FIRST)).contains(saved.get(0));

        fixture.stopAll();
        PersistenceSettings restart = fixture.settings().isEmbedded() ? fixture.settings()
                : fixture.settings().withMasterKeyBase64(MasterKeys.toBase64(newKey));
        if (fixture.settings().isEmbedded()) {
            assertThat(currentKey().id()).as("the key file holds the new key").isEqualTo(newKey.id());
            assertThat(fixture.dataDirectory().resolve(MasterKeySource.NEXT_KEY_FILE)).doesNotExist();
        } else {
            assertThatThrownBy(() -> fixture.start())
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH));
        }
        TestPersistenceComponent restarted = fixture.start(restart);
        assertThat(restarted.connections().listAll()).containsExactlyInAnyOrderElementsOf(saved);
    }

    @Test
    void a_rotation_failing_midway_leaves_every_token_as_it_was() {
        List<Connection> saved = saveThree();
        String oldKeyId = persistence.cipher().currentKeyId();
        EncryptedSecret foreign = new AesGcmSecretCipherAdapter(MasterKeys.generate()).encrypt(Fixtures.token());
        fixture.raw().useHandle(h -> h.createUpdate("UPDATE connection SET token_key_id = :k, token_nonce = :n,"
                        + " token_ciphertext = :c WHERE id = :id")
                .bind("k", foreign.keyId()).bind("n", foreign.nonce()).bind("c", foreign.ciphertext()).bind("id", SECOND.value())
                .execute());
        Map<String, StoredToken> before = storedTokens();

        // rows are re-encrypted in id order: the first succeeds, the second cannot be decrypted
        assertThatThrownBy(() -> persistence.rotation().rotateTo(MasterKeys.generate()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH));

        Map<String, StoredToken> after = storedTokens();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after).allSatisfy((id, token) -> assertThat(token.sameBytes(before.get(id))).as(id).isTrue());
        assertThat(persistence.cipher().currentKeyId()).isEqualTo(oldKeyId);
        assertThat(persistence.connections().find(workspace, FIRST)).contains(saved.get(0));
        assertThat(persistence.connections().find(saved.get(2).workspace(), THIRD)).contains(saved.get(2));
        if (fixture.settings().isEmbedded()) {
            assertThat(currentKey().id()).isEqualTo(oldKeyId);
            assertThat(fixture.dataDirectory().resolve(MasterKeySource.NEXT_KEY_FILE)).doesNotExist();
        }
    }
}
