package ai.askel.confluence.cli;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.in.CreatedApiKey;
import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key {@code serve --sandbox} prints: created on the first start and kept (owner-only) in the
 * data directory, so every later start reuses it instead of minting a key nobody revokes. A key file
 * that is gone, unreadable or names a revoked key is replaced by a new key, and the sandbox keys of
 * earlier starts (whose secret nobody has any more) are revoked then.
 */
final class SandboxApiKey {
    static final String FILE = "sandbox-api-key";
    static final String NAME = "serve --sandbox";
    private static final Logger LOG = LoggerFactory.getLogger(SandboxApiKey.class);

    private SandboxApiKey() {
    }

    /** The key to print: the kept one if it is still valid, else a new one (kept for next time). */
    static Secret obtain(ManageApiKeysUseCase keys, Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(FILE);
        if (Files.isRegularFile(file)) {
            try {
                Secret kept = Secret.of(Files.readString(file, StandardCharsets.US_ASCII).strip(), "apiKey");
                ApiKeyRecord record = keys.adopt(WorkspaceIds.DEFAULT, NAME, kept);
                if (record.isActive()) {
                    return kept;
                }
                LOG.info("The kept sandbox API key {} was revoked; creating a new one", record.prefix());
            } catch (IOException | ConnectorException e) {
                LOG.warn("The kept sandbox API key in {} cannot be used ({}); creating a new one", file, e.getMessage());
            }
        }
        CreatedApiKey created = keys.create(WorkspaceIds.DEFAULT, NAME);
        for (ApiKeyRecord old : keys.list(WorkspaceIds.DEFAULT)) {
            if (old.isActive() && old.name().equals(NAME) && !old.id().equals(created.record().id())) {
                keys.revoke(WorkspaceIds.DEFAULT, old.id());
                LOG.info("Revoked the sandbox API key {} of an earlier start", old.prefix());
            }
        }
        try {
            write(file, created.key().reveal());
        } catch (IOException e) {
            LOG.warn("Could not keep the sandbox API key in {} ({}); the next start creates another", file, e.getMessage());
        }
        return created.key();
    }

    private static void write(Path file, String key) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(temporary);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createFile(temporary, ownerOnly);
        Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
