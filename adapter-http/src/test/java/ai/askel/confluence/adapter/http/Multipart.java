package ai.askel.confluence.adapter.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A multipart/form-data body for tests, produced as a stream so a large file is never built in memory. */
final class Multipart {
    static final String BOUNDARY = "askel-test-boundary-7d1f";
    static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private Multipart() {
    }

    /** A deterministic stream of {@code size} bytes (not all the same, so a mix-up shows in the hash). */
    static InputStream pattern(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? (int) ((position++ * 31 + 7) & 0xff) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((position++ * 31 + 7) & 0xff);
                }
                return n;
            }
        };
    }

    static InputStream body(String fileName, String mediaType, InputStream file, String comment) {
        List<InputStream> parts = new ArrayList<>();
        if (comment != null) {
            parts.add(text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n" + comment + "\r\n"));
        }
        if (file != null) {
            parts.add(text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n"));
            parts.add(file);
            parts.add(text("\r\n"));
        }
        parts.add(text("--" + BOUNDARY + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** A request with files: the JSON as the {@code request} field, then each file (name → content) as a part. */
    static InputStream request(String json, java.util.Map<String, String> files) {
        List<InputStream> parts = new ArrayList<>();
        parts.add(text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n" + json + "\r\n"));
        files.forEach((name, content) -> parts.add(text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name + "\"\r\nContent-Type: image/png\r\n\r\n" + content + "\r\n")));
        parts.add(text("--" + BOUNDARY + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }
}
