package ai.askel.confluence.benchmarks;

import ai.askel.confluence.domain.Attachment;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.out.AttachmentUpload;
import ai.askel.confluence.ports.out.UploadProgressListener;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Forked with a small heap by {@link StreamingScenario}: uploads {@code bytes} of generated data as an attachment,
 * either through the connector ({@code connector}) or as the same multipart PUT with the bare JDK HttpClient
 * ({@code jdk}, the floor), and reports time and memory.
 *
 * <p>Arguments: mode, site URL, email, token, page id, bytes.
 */
public final class StreamingChild {
    private StreamingChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String site = args[1];
        String email = args[2];
        String token = args[3];
        String pageId = args[4];
        long bytes = Long.parseLong(args[5]);
        String fileName = "stream-" + mode + "-" + bytes + ".bin";
        MemoryProbe probe = new MemoryProbe();
        if (mode.equals("connector")) {
            try (Connector connector = Connector.open(site, bytes + 1)) {
                ConnectionRef ref = connector.connect("streaming", site, email, token);
                probe.reset();
                long start = System.nanoTime();
                Attachment attachment = connector.askel().uploadAttachment().upload(ref, PageId.of(pageId),
                        new AttachmentUpload(fileName, "application/octet-stream", bytes, () -> new PatternInputStream(bytes),
                                Optional.empty(), true), UploadProgressListener.NONE);
                ChildJvm.result("seconds", (System.nanoTime() - start) / 1e9);
                ChildJvm.result("attachmentId", attachment.id());
                ChildJvm.result("attachmentSize", attachment.size());
            }
        } else {
            probe.reset();
            long start = System.nanoTime();
            int status = jdkUpload(site, email, token, pageId, fileName, bytes);
            ChildJvm.result("seconds", (System.nanoTime() - start) / 1e9);
            ChildJvm.result("status", status);
        }
        ChildJvm.result("fileName", fileName);
        probe.emit();
    }

    /** The same request the connector makes, by hand: streamed multipart with an exact Content-Length. */
    private static int jdkUpload(String site, String email, String token, String pageId, String fileName, long bytes)
            throws Exception {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"minorEdit\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(site + "/wiki/rest/api/content/" + pageId + "/child/attachment"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8)))
                .header("X-Atlassian-Token", "no-check")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    List<InputStream> parts = List.of(new ByteArrayInputStream(head), new PatternInputStream(bytes),
                            new ByteArrayInputStream(tail));
                    return new SequenceInputStream(Collections.enumeration(parts));
                }), head.length + bytes + tail.length))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }
}
