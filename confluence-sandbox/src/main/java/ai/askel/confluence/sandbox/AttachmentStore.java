package ai.askel.confluence.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Attachments: uploads spooled to a temp folder (deleted on {@link #close()}) and versioned by file name on their page.
 * It holds no lock of its own: {@link Store} calls it under the store's lock, except {@link #spool}, which touches only
 * a new file.
 */
final class AttachmentStore implements AutoCloseable {

    record AttachmentVersion(int number, long size, Path file, String comment, String authorId, Instant createdAt,
                             boolean minorEdit) {
    }

    static final class Attachment {
        final long id;
        final long pageId;
        final String title;
        final String mediaType;
        final List<AttachmentVersion> versions = new ArrayList<>();

        Attachment(long id, long pageId, String title, String mediaType) {
            this.id = id;
            this.pageId = pageId;
            this.title = title;
            this.mediaType = mediaType;
        }

        AttachmentVersion latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /** An attachment grew past the configured maximum. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Thrown by a create-only upload when the page has an attachment with that name already. */
    static final class NameTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NameTaken(String title) {
            super(title);
        }
    }

    private final Clock clock;
    private final LongSupplier contentIds;
    private final Path dir;

    /** {@code contentIds} hands out ids from the sequence pages use too, as Confluence's content ids do. */
    AttachmentStore(Clock clock, LongSupplier contentIds) {
        this.clock = clock;
        this.contentIds = contentIds;
        try {
            this.dir = Files.createTempDirectory("confluence-sandbox-attachments-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the attachment folder", e);
        }
    }

    /** Streams {@code content} to a file in the sandbox's temp folder; fails when it grows past {@code maxBytes}. */
    Path spool(InputStream content, long maxBytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload-", ".bin");
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** The page's attachments, oldest first (a copy). */
    List<Attachment> attachments(Store.Page page) {
        return List.copyOf(page.attachments);
    }

    Optional<Attachment> named(Store.Page page, String title) {
        return page.attachments.stream().filter(a -> a.title.equals(title)).findFirst();
    }

    /** Adds a version of the attachment named {@code title}, or creates it; with {@code createOnly} a taken name is {@link NameTaken}. */
    Attachment put(Store.Page page, String title, String mediaType, Path spooled, String comment, boolean minorEdit,
                   String authorId, boolean createOnly) {
        if (createOnly && named(page, title).isPresent()) {
            throw new NameTaken(title);
        }
        Attachment attachment = named(page, title).orElseGet(() -> {
            Attachment created = new Attachment(contentIds.getAsLong(), page.id, title, mediaType);
            page.attachments.add(created);
            return created;
        });
        try {
            attachment.versions.add(new AttachmentVersion(attachment.versions.size() + 1, Files.size(spooled),
                    spooled, comment == null ? "" : comment, authorId, clock.instant(), minorEdit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return attachment;
    }

    /** Deletes the attachment named {@code title} (all its versions); answers whether there was one. */
    boolean delete(Store.Page page, String title) {
        return page.attachments.removeIf(a -> a.title.equals(title));
    }

    /** Deletes the folder and every stored upload. */
    @Override
    public void close() {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }
}
