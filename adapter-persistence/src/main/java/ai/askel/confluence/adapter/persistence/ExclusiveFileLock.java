package ai.askel.confluence.adapter.persistence;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, held against other processes and other threads of this one, taken within a deadline
 * (the JDK's blocking {@code lock()} has none). Threads of this process take turns on an in-memory lock first and only
 * the one holding it opens the file: on Linux, closing any channel on a file drops every lock this process holds on
 * it, so a second channel opened (and closed) by a waiting thread would let two holders in. The file is created if
 * missing and left in place: deleting a lock file others may be waiting on would let two holders in as well.
 */
final class ExclusiveFileLock implements AutoCloseable {
    private static final long POLL_MILLIS = 20;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock turn;
    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveFileLock(ReentrantLock turn, FileChannel channel, FileLock lock) {
        this.turn = turn;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting up to {@code wait} for its holder; then an {@link IOException} naming the file. */
    static ExclusiveFileLock acquire(Path file, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock turn = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> new ReentrantLock());
        try {
            if (!turn.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw stillLocked(file, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + file);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new ExclusiveFileLock(turn, channel, lock);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw stillLocked(file, wait);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAndLetGo(channel, turn);
            throw new InterruptedIOException("interrupted while waiting for " + file);
        } catch (IOException | RuntimeException e) {
            try {
                closeAndLetGo(channel, turn);
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static IOException stillLocked(Path file, Duration wait) {
        return new IOException("%s is still locked after %d s: another start (of this process or another) is creating the database there".formatted(file, wait.toSeconds()));
    }

    private static void closeAndLetGo(FileChannel channel, ReentrantLock turn) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            turn.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            closeAndLetGo(channel, turn);
        }
    }
}
