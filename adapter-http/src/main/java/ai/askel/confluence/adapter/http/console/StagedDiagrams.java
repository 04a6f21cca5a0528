package ai.askel.confluence.adapter.http.console;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.error.InvalidInputException;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The diagram a publish form goes with. A file uploaded with the form is kept with the session for that form's target
 * only (connection, space and title) and its opaque token goes back in the form, so a preview and then its publish need
 * the file once. A kept file is used only when the form sends its token and still targets the same page: it never goes
 * to another runbook, space or connection, and a kept file that is gone is not silently left out.
 */
final class StagedDiagrams {
    static final String TOKEN_FIELD = "staged";
    static final String DROP_FIELD = "dropStaged";

    private final Path directory;

    StagedDiagrams(Path directory) {
        this.directory = directory;
    }

    /** The file kept for the token this form carries, if it is still kept. */
    Optional<StagedFile> kept(ConsoleRequest r) {
        return r.param(TOKEN_FIELD).flatMap(token -> r.session().staged(token));
    }

    /**
     * The diagram to publish with this form: a newly uploaded file (replacing the kept one), else the kept file if the
     * form targets the page it was previewed for, else none; a kept file the user dropped is deleted.
     */
    Optional<StagedFile> forThisForm(ConsoleRequest r, StagedFile.Target target, List<Connection> all) {
        Optional<StagedFile> kept = kept(r);
        boolean dropped = r.param(DROP_FIELD).isPresent();
        Optional<StagedFile> uploaded = upload(r, target);
        if (dropped || uploaded.isPresent()) {
            kept.ifPresent(k -> r.session().unstage(k.token()));
            return uploaded;
        }
        if (r.param(TOKEN_FIELD).isPresent() && kept.isEmpty()) {
            throw InvalidInputException.of("diagram", "the diagram kept from the preview is no longer kept (it was published, replaced "
                    + "or dropped, or the session ended): choose the file again, or send the form without it");
        }
        if (kept.isPresent() && !kept.get().target().equals(target)) {
            throw InvalidInputException.of("diagram", ("%s was previewed for %s, not for this page: preview this page with the file "
                    + "(choose it again), or tick \u201cDo not attach the kept diagram\u201d")
                    .formatted(kept.get().fileName(), describe(kept.get().target(), all)));
        }
        return kept;
    }

    static PublishPages.StagedView view(StagedFile file, List<Connection> all) {
        return new PublishPages.StagedView(file.token(), file.fileName(), describe(file.target(), all));
    }

    private static String describe(StagedFile.Target target, List<Connection> all) {
        String connection = all.stream().filter(c -> c.id().value().equals(target.connection())).map(Connection::name).findFirst()
                .orElse("another connection");
        return "\u201c%s\u201d in space %s of %s".formatted(target.title(), target.space().isEmpty() ? "(none)" : target.space(), connection);
    }

    /** The file uploaded with this form, kept with the session for {@code target}. */
    private Optional<StagedFile> upload(ConsoleRequest r, StagedFile.Target target) {
        UploadedFile file = r.ctx().isMultipartFormData() ? r.ctx().uploadedFile("diagram") : null;
        if (file == null || file.size() == 0 || file.filename() == null || file.filename().isBlank()) {
            return Optional.empty();
        }
        String name = Path.of(file.filename()).getFileName().toString();
        try (InputStream in = file.content()) {
            Path path = Files.createTempFile(directory, "askel-console-", ".upload");
            Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            String type = file.contentType() == null || file.contentType().isBlank() ? "application/octet-stream" : file.contentType();
            StagedFile staged = new StagedFile(SessionStore.randomToken(), name, type, Files.size(path), path, target);
            r.session().stage(staged);
            return Optional.of(staged);
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded file could not be kept", e);
        }
    }
}
