package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusiveFileLockTest {
    @TempDir
    Path directory;

    @Test
    void a_second_holder_waits_for_the_first_to_let_go() throws Exception {
        Path file = directory.resolve("turns.lock");
        CompletableFuture<Long> second;
        long released;
        CountDownLatch trying = new CountDownLatch(1);
        try (ExclusiveFileLock first = ExclusiveFileLock.acquire(file, Duration.ofSeconds(1))) {
            second = CompletableFuture.supplyAsync(() -> {
                trying.countDown();
                try (ExclusiveFileLock taken = ExclusiveFileLock.acquire(file, Duration.ofSeconds(10))) {
                    return System.nanoTime();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(trying.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(second).as("still waiting").isNotDone();
            released = System.nanoTime();
        }

        assertThat(second.get(10, TimeUnit.SECONDS)).isGreaterThan(released);
        assertThat(file).as("left in place for the next one").exists();
    }

    @Test
    void another_process_holding_the_lock_keeps_this_one_out_until_it_lets_go() throws Exception {
        Path file = directory.resolve("turns.lock");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader said = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("held");

            assertThatThrownBy(() -> ExclusiveFileLock.acquire(file, Duration.ofMillis(300)).close())
                    .isInstanceOf(IOException.class).hasMessageContaining("still locked");

            other.getOutputStream().close(); // the other process lets go and ends
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (ExclusiveFileLock mine = ExclusiveFileLock.acquire(file, Duration.ofSeconds(5))) {
                assertThat(file).exists();
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void a_lock_held_past_the_wait_is_an_error_naming_the_file() throws Exception {
        Path file = directory.resolve("turns.lock");
        try (ExclusiveFileLock held = ExclusiveFileLock.acquire(file, Duration.ofSeconds(1))) {
            CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
                try (ExclusiveFileLock never = ExclusiveFileLock.acquire(file, Duration.ofMillis(100))) {
                    throw new AssertionError("taken while held");
                } catch (IOException expected) {
                    assertThat(expected).hasMessageContaining(file.toString()).hasMessageContaining("still locked");
                }
            });
            late.get(10, TimeUnit.SECONDS);
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
