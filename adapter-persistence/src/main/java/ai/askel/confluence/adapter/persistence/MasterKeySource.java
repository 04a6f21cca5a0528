package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.MasterKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from: the configured base64 key, or else {@code master.key} in the
 * data directory, created on first start readable and writable by its owner only.
 *
 * <p>A rotation with a key file writes the new key to {@code master.key.next} before its database
 * transaction and moves it over {@code master.key} after the commit. If the process dies in
 * between, the next start looks at the key ids the database holds and keeps whichever file
 * matches them, so the key and the data never part.
 */
final class MasterKeySource {
    static final String KEY_FILE = "master.key";
    static final String NEXT_KEY_FILE = "master.key.next";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = DataDirectory.OWNER_ONLY_FILE;

    private final Optional<String> configured;
    private final String configuredAt;
    private final Path directory;

    MasterKeySource(PersistenceSettings settings) {
        this.configured = settings.masterKeyBase64();
        this.configuredAt = settings.masterKeySource();
        this.directory = settings.dataDirectory().toAbsolutePath().normalize();
    }

    /** Whether the key lives in the key file (rather than in the configuration). */
    boolean isFileBacked() {
        return configured.isEmpty();
    }

    /** Where the key is configured, as messages name it: the key file, or where the configured key was given. */
    String where() {
        return isFileBacked() ? "the key file " + keyFile() : configuredAt;
    }

    Path keyFile() {
        return directory.resolve(KEY_FILE);
    }

    /** The current master key; {@code storedKeyIds} are the key ids the database holds values under. */
    MasterKey load(Set<String> storedKeyIds) {
        if (configured.isPresent()) {
            return MasterKeys.fromBase64(configured.get(), "the configured master key (" + configuredAt + ")");
        }
        try {
            createOwnerOnlyDirectory(directory);
            finishInterruptedRotation(storedKeyIds);
            if (Files.exists(keyFile())) {
                warnIfReadableByOthers(keyFile());
                return read(keyFile());
            }
            MasterKey created = MasterKeys.generate();
            writeNew(keyFile(), created);
            LOG.info("Created master key {} in {}; back it up with the database", created.id(), keyFile());
            return created;
        } catch (FileAlreadyExistsException e) {
            return read(keyFile()); // another process created it first
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "cannot read or create the master key file " + keyFile() + ": " + e.getMessage(), null, e);
        }
    }

    /** Writes the next key beside the current one, before the rotation's transaction. */
    void stage(MasterKey next) {
        if (!isFileBacked()) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve(NEXT_KEY_FILE));
            writeNew(directory.resolve(NEXT_KEY_FILE), next);
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "cannot write the new master key to " + directory.resolve(NEXT_KEY_FILE)
                    + ": " + e.getMessage() + "; nothing was re-encrypted", null, e);
        }
    }

    /** Makes the staged key the key file's key, after the rotation committed. */
    void promoteStaged() {
        if (!isFileBacked()) {
            return;
        }
        try {
            move(directory.resolve(NEXT_KEY_FILE), keyFile());
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, ("the tokens are re-encrypted, but moving %s over %s failed (%s);"
                    + " move it by hand before the next start").formatted(NEXT_KEY_FILE, keyFile(), e.getMessage()), null, e);
        }
    }

    /** Forgets the staged key, after the rotation rolled back. */
    void discardStaged() {
        try {
            Files.deleteIfExists(directory.resolve(NEXT_KEY_FILE));
        } catch (IOException e) {
            LOG.warn("Could not delete {} after a failed rotation: {}", directory.resolve(NEXT_KEY_FILE), e.getMessage());
        }
    }

    private void finishInterruptedRotation(Set<String> storedKeyIds) throws IOException {
        Path next = directory.resolve(NEXT_KEY_FILE);
        if (!Files.exists(next)) {
            return;
        }
        MasterKey staged = read(next);
        if (storedKeyIds.contains(staged.id())) {
            LOG.warn("A master key rotation was interrupted after its commit; {} becomes the master key", NEXT_KEY_FILE);
            move(next, keyFile());
        } else {
            LOG.warn("A master key rotation was interrupted before its commit; discarding {}", NEXT_KEY_FILE);
            Files.delete(next);
        }
    }

    private static MasterKey read(Path file) {
        try {
            return MasterKeys.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "the master key file " + file);
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.INTERNAL, "cannot read the master key file " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** Writes a new file that only its owner can read, complete or not at all. */
    private static void writeNew(Path file, MasterKey key) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, ownerOnly(temporary, OWNER_ONLY_FILE));
        try {
            Files.writeString(temporary, MasterKeys.toBase64(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates the data directory readable by its owner only (it holds the database and the key), or checks an existing one. */
    static void createOwnerOnlyDirectory(Path directory) throws IOException {
        DataDirectory.prepare(directory);
    }

    private static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> permissions) {
        return DataDirectory.ownerOnly(near, permissions);
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !OWNER_ONLY_FILE.containsAll(Files.getPosixFilePermissions(file))) {
            LOG.warn("The master key file {} can be read by others ({}); restrict it with chmod 600", file,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }
}
