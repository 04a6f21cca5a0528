package ai.askel.confluence.adapter.http.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** An uploaded file kept on disk between a preview and the publish that follows it. */
record StagedFile(String fileName, String mediaType, long size, Path path) {
    StagedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(path, "path");
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("a staged upload could not be deleted", e);
        }
    }
}
