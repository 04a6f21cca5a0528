package ai.askel.confluence.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartReaderTest {
    private static final long MAX_ATTACHMENT = 64L * 1024 * 1024;

    @TempDir
    Path uploads;
    private TestServer api;
    private String connectionPath;
    private String attachments;

    @BeforeEach
    void start() {
        api = new TestServer(HttpServerSettings.defaults().withPort(0).withMaxAttachmentBytes(MAX_ATTACHMENT)
                .withUploadDirectory(uploads));
        api.fake.uploadDirectory = uploads;
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        Page page = api.fake.addPage("Runbook");
        connectionPath = "/api/v1/connections/" + connection.id();
        attachments = connectionPath + "/pages/" + page.id() + "/attachments";
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private TestServer.Answer upload(String path, InputStream body, String... headers) {
        return api.send(TestServer.withHeaders(api.request(path, FakeConnector.KEY_A), headers)
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build());
    }

    private static String sha256(InputStream in) {
        MessageDigest digest = ContentHash.sha256();
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ContentHash.fromDigest(digest).hex();
    }

    @Test
    void an_upload_answers_201_with_the_attachment_and_passes_name_type_comment_and_bytes() {
        TestServer.Answer answer = upload(attachments,
                Multipart.body("diagram.png", "image/png", Multipart.pattern(10_000), "architecture"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(TestServer.fields(answer.json())).startsWith("id", "title", "fileSize", "mediaType", "version", "downloadUrl");
        assertThat(answer.json().get("title").asText()).isEqualTo("diagram.png");
        assertThat(answer.json().get("fileSize").asLong()).isEqualTo(10_000);
        assertThat(answer.json().get("mediaType").asText()).isEqualTo("image/png");
        FakeConnector.ReceivedUpload received = api.fake.uploads.get(0);
        assertThat(received.upload().comment()).contains("architecture");
        assertThat(received.upload().size()).isEqualTo(10_000);
        assertThat(received.sha256()).isEqualTo(sha256(Multipart.pattern(10_000)));
        assertThat(received.reopenedIdentically()).isTrue();
    }

    @Test
    void a_50_mb_upload_is_streamed_through_a_file_on_disk_not_memory() {
        long size = 50L * 1024 * 1024;

        TestServer.Answer answer = upload(attachments, Multipart.body("dump.bin", "application/octet-stream", Multipart.pattern(size), null));

        assertThat(answer.status()).isEqualTo(201);
        FakeConnector.ReceivedUpload received = api.fake.uploads.get(0);
        assertThat(received.bytesRead()).isEqualTo(size);
        assertThat(received.sha256()).isEqualTo(sha256(Multipart.pattern(size)));
        assertThat(received.reopenedIdentically()).isTrue();
        // the part was spilled whole to the upload directory while the use case read it: Jetty held no byte[] of it
        assertThat(received.largestFileInUploadDirectory()).isEqualTo(size);
        assertThat(received.upload().comment()).isEmpty();
        assertThat(eventuallyEmpty(uploads)).as("Jetty deletes the spilled part after the request").isTrue();
    }

    private static boolean eventuallyEmpty(Path directory) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(directory)) {
                if (files.noneMatch(java.nio.file.Files::isRegularFile)) {
                    return true;
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Restarts the server allowing attachments of at most 1 MB; answers the attachments path of a page. */
    private String withOneMegabyteLimit() {
        api.close();
        api = new TestServer(HttpServerSettings.defaults().withPort(0).withMaxAttachmentBytes(1024 * 1024).withUploadDirectory(uploads));
        Connection connection = api.fake.addConnection(FakeConnector.WORKSPACE_A, "Acme");
        Page page = api.fake.addPage("Runbook");
        return "/api/v1/connections/" + connection.id() + "/pages/" + page.id() + "/attachments";
    }

    @Test
    void an_attachment_over_the_configured_maximum_is_413_while_it_streams() {
        String path = withOneMegabyteLimit();

        TestServer.Answer answer = upload(path, Multipart.body("big.bin", "application/octet-stream", Multipart.pattern(2 * 1024 * 1024), null));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(api.fake.uploads).isEmpty();
    }

    @Test
    void a_declared_length_over_the_maximum_is_413_before_reading() throws IOException {
        String path = withOneMegabyteLimit();

        // Only the head is sent: the answer must come without a single byte of the declared 2 MB body.
        // (An HTTP client that keeps streaming the body races the server's close and may never read the 413.)
        try (java.net.Socket socket = new java.net.Socket(api.uri("/").getHost(), api.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + FakeConnector.KEY_A + "\r\n"
                    + "Content-Type: " + Multipart.CONTENT_TYPE + "\r\n"
                    + "Content-Length: " + (2L * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 413");
        }
        assertThat(api.fake.calls).isEmpty();
    }

    @Test
    void an_upload_without_a_file_part_is_400_naming_file() {
        TestServer.Answer answer = upload(attachments, Multipart.body(null, null, null, "just a comment"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
    }

    @Test
    void an_upload_that_is_not_multipart_is_415() {
        TestServer.Answer answer = api.post(attachments, "{\"file\": \"x\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("detail").asText()).contains("multipart/form-data");
    }

    @Test
    void an_upload_to_another_workspaces_connection_is_404() {
        Connection theirs = api.fake.addConnection(FakeConnector.WORKSPACE_B, "Theirs");

        TestServer.Answer answer = upload("/api/v1/connections/" + theirs.id() + "/pages/1001/attachments",
                Multipart.body("a.txt", "text/plain", Multipart.pattern(10), null));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(api.fake.uploads).isEmpty();
    }

    @Test
    void an_upload_replays_by_idempotency_key_and_another_file_with_it_is_422() {
        TestServer.Answer first = upload(attachments, Multipart.body("a.txt", "text/plain", Multipart.pattern(1000), null),
                "Idempotency-Key", "up-1");
        TestServer.Answer again = upload(attachments, Multipart.body("a.txt", "text/plain", Multipart.pattern(1000), null),
                "Idempotency-Key", "up-1");
        TestServer.Answer other = upload(attachments, Multipart.body("a.txt", "text/plain", Multipart.pattern(1001), null),
                "Idempotency-Key", "up-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(422);
        assertThat(api.fake.uploads).hasSize(1);
    }

    @Test
    void a_runbook_attachment_goes_to_the_runbooks_page() {
        String runbook = api.post(connectionPath + "/runbooks", """
                {"template": "customer-environment", "spaceKey": "INFRA", "title": "Crestview Production", "inputs": {}}""")
                .json().get("id").asText();

        TestServer.Answer answer = upload(connectionPath + "/runbooks/" + runbook + "/attachments",
                Multipart.body("diagram.svg", "image/svg+xml", Multipart.pattern(500), "v1"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("mediaType").asText()).isEqualTo("image/svg+xml");
        assertThat(api.fake.uploads.get(0).upload().fileName()).isEqualTo("diagram.svg");
        assertThat(api.fake.uploads.get(0).upload().comment()).isEqualTo(Optional.of("v1"));
    }
}
