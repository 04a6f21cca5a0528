package ai.askel.confluence.adapter.persistence;

import java.nio.file.Path;
import java.time.Duration;

/** A second process for {@link ExclusiveFileLockTest}: takes the lock on its argument, says so, holds it until its input closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (ExclusiveFileLock held = ExclusiveFileLock.acquire(Path.of(args[0]), Duration.ofSeconds(10))) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() != -1) {
                // holds the lock until the test closes this process's input
            }
        }
    }
}
