package ai.askel.confluence.benchmarks;

import java.io.InputStream;
import java.util.Random;

/** {@code size} bytes of a fixed pseudo-random 64 KiB pattern, repeated: a large file that takes no memory or disk. */
final class PatternInputStream extends InputStream {
    private static final byte[] PATTERN = new byte[64 * 1024];

    static {
        new Random(9).nextBytes(PATTERN);
    }

    private final long size;
    private long position;

    PatternInputStream(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        return position < size ? PATTERN[(int) (position++ % PATTERN.length)] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int offset = (int) (position % PATTERN.length);
        int n = (int) Math.min(Math.min(len, PATTERN.length - offset), size - position);
        System.arraycopy(PATTERN, offset, b, off, n);
        position += n;
        return n;
    }

    byte[] readAllBytesUnchecked() {
        try {
            return readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - position);
    }
}
