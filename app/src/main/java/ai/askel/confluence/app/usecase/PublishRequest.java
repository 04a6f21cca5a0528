package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookContent;
import ai.askel.confluence.domain.SpaceKey;
import ai.askel.confluence.domain.Title;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.out.AttachmentUpload;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A publish checked and rendered locally: the command, the content it asks for, the files to stream by name, and the
 * Confluence account the connection writes as (a first publish takes over an existing page only if that account wrote it).
 */
record PublishRequest(PublishRunbookCommand command, RunbookContent content, Map<String, AttachmentUpload> uploads,
                      Optional<String> writer) {
    PublishRequest {
        uploads = Map.copyOf(uploads);
        Objects.requireNonNull(writer, "writer");
    }

    ConnectionRef ref() {
        return command.ref();
    }

    SpaceKey space() {
        return command.space();
    }

    Title title() {
        return command.title();
    }

    Title parentTitle() {
        return command.effectiveParentTitle();
    }

    Runbook newRunbook() {
        return Runbook.create(ref().workspace(), ref().connection(), space(), parentTitle(), title(), content.source(), content.labels());
    }

    /** The stored runbook asked to publish this request's source, parent and labels. */
    Runbook applyTo(Runbook runbook) {
        return runbook.withRequest(parentTitle(), content.source(), content.labels());
    }

    boolean changes(Runbook stored) {
        return stored.differsFrom(parentTitle(), content.source(), content.labels());
    }

    AttachmentUpload upload(String fileName) {
        return Optional.ofNullable(uploads.get(fileName)).orElseThrow(() -> new IllegalArgumentException("no upload named " + fileName));
    }
}
