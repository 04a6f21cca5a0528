package ai.askel.confluence.adapter.http.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An uploaded file kept on disk between a preview and the publish that follows it. It belongs to that one preview:
 * its form carries the opaque {@code token}, and the file may only go to the {@code target} it was previewed for.
 */
record StagedFile(String token, String fileName, String mediaType, long size, Path path, Target target) {
    StagedFile {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
    }

    /** Where a preview would have published: the connection, the space and the page title, as the form sent them. */
    record Target(String connection, String space, String title) {
        Target {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(title, "title");
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("a staged upload could not be deleted", e);
        }
    }
}
