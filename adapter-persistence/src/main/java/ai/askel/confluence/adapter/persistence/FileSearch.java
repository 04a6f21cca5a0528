package ai.askel.confluence.adapter.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a file holds any of some byte strings anywhere, read in blocks of {@value #BLOCK} bytes (memory does not grow
 * with the file) until a deadline. Meant for random strings such as ciphertexts: each is looked up by its first
 * {@value #PREFIX} bytes, so a file is read once however many strings are sought.
 */
final class FileSearch {
    static final int PREFIX = 8;
    static final int BLOCK = 1 << 20;
    private static final int FILTER_BITS = 16;

    private FileSearch() {
    }

    /** What a search found. */
    enum Result {
        FOUND,
        ABSENT,
        /** The deadline passed before the whole file was read. */
        UNFINISHED
    }

    /**
     * Searches the file for the strings until {@code giveUpAt} ({@link System#nanoTime()}), checked between blocks.
     * Strings shorter than {@value #PREFIX} bytes are refused: they could be found by chance.
     */
    static Result search(Path file, Collection<byte[]> needles, long giveUpAt) throws IOException {
        if (needles.isEmpty()) {
            return Result.ABSENT;
        }
        Map<Long, List<byte[]>> byPrefix = new HashMap<>();
        BitSet prefixHashes = new BitSet(1 << FILTER_BITS); // answers "surely not" for nearly every position without boxing a long
        int longest = 0;
        for (byte[] needle : needles) {
            if (needle.length < PREFIX) {
                throw new IllegalArgumentException("a byte string of " + needle.length + " bytes is too short to search for");
            }
            long prefix = ByteBuffer.wrap(needle).getLong();
            byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(needle);
            prefixHashes.set(hash(prefix));
            longest = Math.max(longest, needle.length);
        }
        // each block is searched with the last bytes of the one before, so a string across a block boundary is found
        ByteBuffer buffer = ByteBuffer.allocate(BLOCK + longest);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) > 0 || buffer.position() > 0) {
                if (System.nanoTime() - giveUpAt > 0) {
                    return Result.UNFINISHED;
                }
                buffer.flip();
                boolean atEnd = channel.position() >= channel.size();
                int searchable = atEnd ? buffer.limit() : buffer.limit() - longest + 1;
                for (int at = 0; at + PREFIX <= buffer.limit() && at < searchable; at++) {
                    long prefix = buffer.getLong(at);
                    if (prefixHashes.get(hash(prefix)) && found(buffer, at, byPrefix.get(prefix))) {
                        return Result.FOUND;
                    }
                }
                if (atEnd) {
                    return Result.ABSENT;
                }
                buffer.position(Math.max(0, searchable));
                buffer.compact();
            }
        }
        return Result.ABSENT;
    }

    private static int hash(long prefix) {
        return (int) (prefix ^ (prefix >>> 32)) & ((1 << FILTER_BITS) - 1);
    }

    private static boolean found(ByteBuffer buffer, int at, List<byte[]> candidates) {
        if (candidates != null) {
            for (byte[] needle : candidates) {
                if (at + needle.length <= buffer.limit()
                        && Arrays.equals(needle, 0, needle.length, buffer.array(), at, at + needle.length)) {
                    return true;
                }
            }
        }
        return false;
    }
}
