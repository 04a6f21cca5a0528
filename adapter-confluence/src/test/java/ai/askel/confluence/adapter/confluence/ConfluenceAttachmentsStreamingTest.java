package ai.askel.confluence.adapter.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the upload streams: a forked JVM with a 32 MiB heap uploads a 256 MiB file through the real
 * adapter to a tiny server that counts and discards the bytes. Holding the file in memory would die
 * with OutOfMemoryError.
 */
class ConfluenceAttachmentsStreamingTest {
    private static final long FILE_SIZE = 256L * 1024 * 1024;
    private static final String HEAP = "-Xmx32m";

    @Test
    void a_file_many_times_larger_than_the_heap_uploads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(FILE_SIZE); // sparse: costs no disk
        }
        AtomicLong received = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/wiki/rest/api/content/7700526/child/attachment", exchange -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.addAndGet(n);
                }
            }
            byte[] answer = """
                    {"results":[{"id":"att42","type":"attachment","status":"current","title":"big.bin","version":{"number":1},
                     "extensions":{"mediaType":"application/octet-stream","fileSize":%d,"comment":"large"},
                     "_links":{"download":"/download/attachments/7700526/big.bin"}}],"start":0,"limit":50,"size":1,"_links":{}}"""
                    .formatted(FILE_SIZE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process child = new ProcessBuilder(java.toString(), HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    StreamingUploadMain.class.getName(), base, file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the upload finished in time").isTrue();

            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("OK att42 " + FILE_SIZE);
            long maxHeap = Long.parseLong(output.replaceAll("(?s).*maxHeap=(\\d+).*", "$1"));
            assertThat(maxHeap).as("the child heap is at most an eighth of the file").isLessThanOrEqualTo(FILE_SIZE / 8);
            assertThat(received.get()).isGreaterThan(FILE_SIZE);
        } finally {
            server.stop(0);
        }
    }
}
