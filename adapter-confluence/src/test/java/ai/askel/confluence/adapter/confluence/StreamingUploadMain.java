package ai.askel.confluence.adapter.confluence;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.ConnectionId;
import ai.askel.confluence.domain.EmailAddress;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.SiteUrl;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceCallObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a forked JVM with a small heap by {@link ConfluenceAttachmentsStreamingTest}: uploads a file
 * several times larger than the heap through the real adapter. Prints {@code OK <id> <bytes reported>}.
 */
public final class StreamingUploadMain {
    private StreamingUploadMain() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path file = Path.of(args[1]);
        long size = Files.size(file);
        ConfluenceClientSettings defaults = ConfluenceClientSettings.defaults();
        ConfluenceClients clients = new ConfluenceClients(defaults, ConfluenceCallObserver.NONE, ConfluenceAdapterModule.newMapper(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ConfluenceAttachmentsAdapter adapter = new ConfluenceAttachmentsAdapter(clients);
        ConfluenceAccess access = new ConfluenceAccess(ConnectionId.random(), SiteUrl.parse(base, List.of(base)), Optional.empty(),
                EmailAddress.of("ops@example.com"), Secret.of("token", "apiToken"));
        AtomicLong reported = new AtomicLong();
        Attachment attachment = adapter.upload(access, PageId.of("7700526"),
                new AttachmentUpload("big.bin", "application/octet-stream", size, () -> Files.newInputStream(file), Optional.of("large"), true),
                (sent, total) -> reported.set(sent));
        System.out.println("OK " + attachment.id() + " " + reported.get() + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
}
