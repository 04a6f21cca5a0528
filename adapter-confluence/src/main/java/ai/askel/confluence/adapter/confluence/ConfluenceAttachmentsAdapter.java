package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.Deadline;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.in.RequestDeadline;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceAttachmentsPort;
import ai.askel.confluence.ports.out.UploadProgressListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import ai.askel.confluence.domain.error.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Attachments: upload via v1 {@code PUT /content/{id}/child/attachment} (create, or a new version of the
 * one with that file name) or {@code POST} (create only: refused when the name is taken), streamed with the JDK client because Feign bodies are byte arrays; listing via v2.
 */
@Singleton
final class ConfluenceAttachmentsAdapter implements ConfluenceAttachmentsPort {
    /** Slowest throughput an upload may have before it counts as hung. */
    private static final long MIN_BYTES_PER_SECOND = 256 * 1024;

    private final ConfluenceClients clients;

    @Inject
    ConfluenceAttachmentsAdapter(ConfluenceClients clients) {
        this.clients = clients;
    }

    @Override
    public Attachment upload(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener) {
        return send(access, page, upload, listener, Routes.UPLOAD);
    }

    /** {@code POST} only adds a new attachment: Confluence answers 400 when the page has one with that file name. */
    @Override
    public Optional<Attachment> uploadNew(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener) {
        try {
            return Optional.of(send(access, page, upload, listener, Routes.UPLOAD_NEW));
        } catch (InvalidInputException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("same file name")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Attachment send(ConfluenceAccess access, PageId page, AttachmentUpload upload, UploadProgressListener listener, String route) {
        long max = clients.settings().maxAttachmentBytes();
        if (upload.size() > max) {
            throw new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "attachment '%s' is %d bytes; at most %d are allowed".formatted(upload.fileName(), upload.size(), max));
        }
        MultipartUpload body = new MultipartUpload(upload);
        if (body.contentLength() > ConfluenceClientSettings.MAX_REQUEST_BYTES) {
            throw new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, "attachment '%s' is %d bytes; Confluence refuses requests over 2 GB"
                    .formatted(upload.fileName(), upload.size()));
        }
        ConnectionClient c = clients.of(access);
        URI uri = URI.create(c.base() + "/wiki/rest/api/content/" + page.value() + "/child/attachment");
        Duration timeout = clients.settings().requestTimeout().plusSeconds(upload.size() / MIN_BYTES_PER_SECOND);
        String method = route.substring(0, route.indexOf(' '));
        // called outside any request (embedded, CLI), an upload gets as long as its size needs rather than the default deadline
        Supplier<ConfluenceWire.V1ContentArray> call = () -> clients.policy().call("attachment '" + upload.fileName() + "' of page " + page,
                Replay.ONLY_IF_REJECTED, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .method(method, body.publisher(listener))
                    .header("Authorization", c.authorization())
                    .header("Accept", "application/json")
                    .header("Content-Type", body.contentType())
                    .header("X-Atlassian-Token", "no-check");
            return send(c, request, route, timeout);
        });
        var answer = RequestDeadline.current().isPresent() ? call.get()
                : RequestDeadline.during(Deadline.after(timeout.plus(clients.settings().defaultDeadline())), call);
        if (answer.items().isEmpty()) {
            throw ConfluenceMapper.malformed("no attachment in the answer to an upload");
        }
        return ConfluenceMapper.attachment(answer.items().get(0), c.wikiBase());
    }

    private ConfluenceWire.V1ContentArray send(ConnectionClient c, HttpRequest.Builder request, String route, Duration timeout) {
        HttpResponse<byte[]> response;
        try {
            response = c.exchange(route, deadline -> BoundedExchange.send(c.uploads(), request, route,
                            Routes.maxResponseBytes(route, clients.settings()), timeout, deadline),
                    r -> new ConnectionClient.Outcome(r.headers().firstValue(ConfluenceResponses.TRACE_ID).orElse(null),
                            RateSignal.of(r.statusCode(), name -> r.headers().firstValue(name).orElse(null), Clock.systemUTC())));
        } catch (IOException e) {
            String kind = e instanceof java.net.http.HttpTimeoutException ? "timed out" : "I/O error";
            throw new HttpFailure(0, route, null, null, kind + " (" + e.getClass().getSimpleName() + ")", e);
        }
        String trace = response.headers().firstValue(ConfluenceResponses.TRACE_ID).orElse(null);
        if (response.statusCode() / 100 != 2) {
            throw new HttpFailure(response.statusCode(), route, trace,
                    ConfluenceResponses.retryAfter(response.headers().firstValue(ConfluenceResponses.RETRY_AFTER).orElse(null), Clock.systemUTC())
                            .orElse(null),
                    ConfluenceResponses.reason(clients.mapper(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), response.statusCode()), null);
        }
        try {
            return clients.mapper().readValue(response.body(), ConfluenceWire.V1ContentArray.class);
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.CONFLUENCE_ERROR, "Confluence's answer to an upload could not be read", trace, e);
        }
    }

    @Override
    public List<Attachment> list(ConfluenceAccess access, PageId page) {
        ConnectionClient c = clients.of(access);
        List<Attachment> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            String at = cursor.orElse(null);
            var slice = clients.policy().call("attachments of page " + page, Replay.SAFE, () -> c.api().attachments(page.value(), at));
            slice.items().forEach(a -> out.add(ConfluenceMapper.attachment(a, c.wikiBase())));
            cursor = slice.items().isEmpty() ? Optional.empty()
                    : Cursors.v2(slice.links() == null ? null : slice.links().next(), c.base(), "/wiki/api/v2/pages/" + page + "/attachments");
        } while (cursor.isPresent() && seen.add(cursor.get()));
        return List.copyOf(out);
    }
}
