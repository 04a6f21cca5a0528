package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory of the embedded database and the key file: created {@code rwx------}; one that
 * anybody may write to is refused (whoever can replace {@code master.key} or {@code askel.mv.db}
 * controls the tokens), one that others may read is used with a warning; the database's files are
 * made {@code rw-------} once H2 created them (the directory's mode already keeps others out while
 * they are briefly H2's default mode).
 */
final class DataDirectory {
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private DataDirectory() {
    }

    /**
     * Creates the directory owner-only, or checks an existing one: world-writable is refused
     * ({@code SECRET_KEY_MISMATCH} is not the point here, so {@code INTERNAL} with the fix in the message).
     */
    static void prepare(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, ownerOnly(dir.getParent(), OWNER_ONLY_DIRECTORY));
            } catch (IOException e) {
                throw new ConnectorException(ErrorCode.INTERNAL, "cannot create the data directory %s: %s".formatted(dir, reason(e)), null, e);
            }
            return;
        }
        if (!isPosix(dir)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new ConnectorException(ErrorCode.INTERNAL, ("the data directory %s can be written by anybody (%s): another user could"
                    + " replace the master key or the database; restrict it with chmod 700 %s").formatted(dir,
                    PosixFilePermissions.toString(mode), dir));
        }
        if (!OWNER_ONLY_DIRECTORY.containsAll(mode)) {
            LOG.warn("The data directory {} can be read or written by others ({}); restrict it with chmod 700", dir,
                    PosixFilePermissions.toString(mode));
        }
    }

    /** Why the file system refused, in a few words ("permission denied", "read-only file system"). */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a directory";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Makes the embedded database's files ({@code askel.*}) readable and writable by their owner only. */
    static void restrictDatabaseFiles(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir) || !isPosix(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PersistenceSettings.EMBEDDED_DATABASE_NAME + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !OWNER_ONLY_FILE.equals(Files.getPosixFilePermissions(file))) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not restrict the database files in {} to their owner: {}", dir, e.getMessage());
        }
    }

    static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> permissions) {
        Path existing = near;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && isPosix(existing)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
