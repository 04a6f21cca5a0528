package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.ports.out.AuditEvent;
import ai.askel.confluence.ports.out.AuditLogPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedStoreCompactionTest {
    private static final int WRITES = 2_000;

    private final PersistenceFixture fixture = PersistenceFixture.create(TestDatabase.H2_FILE);

    @AfterEach
    void close() {
        fixture.close();
    }

    private Path file() {
        return fixture.dataDirectory().resolve(PersistenceSettings.EMBEDDED_DATABASE_NAME + ".mv.db");
    }

    private static int retentionTime(TestPersistenceComponent persistence) throws SQLException {
        try (Connection connection = persistence.dataSource().getConnection()) {
            return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore()
                    .getRetentionTime();
        }
    }

    private int events(WorkspaceId workspace) {
        return fixture.count("SELECT COUNT(*) FROM audit_event WHERE workspace_id = :v", workspace.value());
    }

    private static void write(AuditLogPort log, WorkspaceId workspace, int count) {
        for (int i = 0; i < count; i++) {
            log.append(new AuditEvent(Fixtures.NOW.plusSeconds(i), workspace, Optional.empty(), "page.create", Optional.empty(),
                    Optional.empty(), "created " + i, Optional.empty()));
        }
    }

    @Test
    void the_embedded_file_shrinks_back_once_durable_commits_have_grown_it() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        WorkspaceId workspace = WorkspaceId.random();
        long empty = Files.size(file());
        write(persistence.auditLog(), workspace, WRITES);
        long grown = Files.size(file());
        // each durable commit leaves its chunk in the file until something compacts it
        assertThat(grown - empty).as("growth after %d commits", WRITES).isGreaterThan(8L * 1024 * 1024);

        int retention = retentionTime(persistence);
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(persistence.dataSource(), Optional.of(file()), 1);
        assertThat(compaction.compactIfGrown()).isTrue();

        assertThat(Files.size(file())).as("after compaction").isLessThan(grown / 4);
        // H2's compactFile sets it to 0 for good: chunks that recovery after a kill may need would be overwritten
        assertThat(retentionTime(persistence)).as("retention time after compaction").isEqualTo(retention).isPositive();
        assertThat(events(workspace)).isEqualTo(WRITES);
    }

    @Test
    void a_scrub_that_cannot_remove_a_string_says_so_after_its_rounds() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        byte[] live = new byte[32];
        new Random(7).nextBytes(live);
        fixture.raw().useHandle(h -> {
            h.execute("CREATE TABLE still_here (v VARBINARY(32))");
            h.createUpdate("INSERT INTO still_here VALUES (:v)").bind("v", live).execute();
        });

        try (Connection connection = persistence.dataSource().getConnection()) {
            assertThat(EmbeddedStore.scrub(connection, List.of(live), Duration.ofSeconds(5))).isEqualTo(EmbeddedStore.Scrub.NOT_CLEARED);
            byte[] nowhere = new byte[32];
            new Random(8).nextBytes(nowhere);
            assertThat(EmbeddedStore.scrub(connection, List.of(nowhere), Duration.ofSeconds(5))).isEqualTo(EmbeddedStore.Scrub.CLEAN);
        }
    }

    @Test
    void while_a_scrub_reads_the_file_the_store_keeps_its_usual_retention_time() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        // live data, so that reading the file takes a while
        fixture.raw().useHandle(h -> h.execute("CREATE TABLE live_bulk AS SELECT X AS id, REPEAT('x', 1000) AS filler"
                + " FROM SYSTEM_RANGE(1, 10000)"));
        byte[] live = new byte[32];
        new Random(7).nextBytes(live);
        fixture.raw().useHandle(h -> {
            h.execute("CREATE TABLE still_here (v VARBINARY(32))");
            h.createUpdate("INSERT INTO still_here VALUES (:v)").bind("v", live).execute();
        });
        int usual = retentionTime(persistence);
        AtomicBoolean scrubbing = new AtomicBoolean(true);
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger atZero = new AtomicInteger();
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        try {
            Future<?> sampling = sampler.submit(() -> {
                while (scrubbing.get()) {
                    samples.incrementAndGet();
                    if (retentionTime(persistence) == 0) {
                        atZero.incrementAndGet();
                    }
                }
                return null;
            });
            try (Connection connection = persistence.dataSource().getConnection()) {
                // a string that stays (live data): every round runs, each with a read of the whole file
                assertThat(EmbeddedStore.scrub(connection, List.of(live), Duration.ofSeconds(3))).isEqualTo(EmbeddedStore.Scrub.NOT_CLEARED);
            } finally {
                scrubbing.set(false);
            }
            sampling.get();
        } finally {
            sampler.shutdownNow();
        }

        // at 0, a commit frees chunks that recovery after a kill may need: only H2's own steps may run so, not the reads.
        // H2's steps take most of the time here (each round rewrites and moves megabytes that stay live), the reads the
        // rest (about a fifth, measured); with the retention time at 0 for the whole scrub, 4 % of the samples saw the usual
        // one (before the scrub began and after it ended)
        assertThat(samples.get() - atZero.get()).as("of %d samples during the scrub, at the usual retention time", samples.get())
                .isGreaterThan(samples.get() / 10);
        assertThat(retentionTime(persistence)).isEqualTo(usual).isPositive();
    }

    @Test
    void a_durable_commit_of_an_audit_event_writes_small_pages() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        WorkspaceId workspace = WorkspaceId.random();
        write(persistence.auditLog(), workspace, 500); // a table of several pages, as in use
        long before = Files.size(file());
        write(persistence.auditLog(), workspace, 500);

        // the last leaf of the table and of its two indexes, and the pages above them, rewritten whole by every commit:
        // about 12 KB with the connector's 4 KB pages, 22 KB with H2's default of 16 KB
        assertThat((Files.size(file()) - before) / 500).as("bytes written per commit").isLessThan(16 * 1024);
    }

    @Test
    void writes_during_a_compaction_wait_for_it_and_none_is_lost() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        WorkspaceId workspace = WorkspaceId.random();
        write(persistence.auditLog(), workspace, WRITES);
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(persistence.dataSource(), Optional.of(file()), 1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = writers.submit(() -> write(persistence.auditLog(), workspace, 500));
            Future<?> two = writers.submit(() -> write(persistence.auditLog(), workspace, 500));
            compaction.compactIfGrown();
            one.get();
            two.get();
        } finally {
            writers.shutdownNow();
        }

        fixture.stopAll();
        fixture.start();
        assertThat(events(workspace)).isEqualTo(WRITES + 1_000);
    }

    @Test
    void a_file_that_has_not_grown_enough_is_left_alone_and_other_databases_are_never_touched() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        write(persistence.auditLog(), WorkspaceId.random(), 100);

        assertThat(new EmbeddedStoreCompaction(persistence.dataSource(), Optional.of(file()), EmbeddedStoreCompaction.GROWTH).compactIfGrown())
                .isFalse();
        assertThat(new EmbeddedStoreCompaction(persistence.dataSource(), Optional.empty(), 1).compactIfGrown()).isFalse();
    }

    @Test
    void once_started_it_compacts_a_grown_file_within_15_seconds_without_being_asked() throws Exception {
        TestPersistenceComponent persistence = fixture.start();
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(persistence.dataSource(), Optional.of(file()), 1);
        compaction.start();
        try {
            write(persistence.auditLog(), WorkspaceId.random(), WRITES);
            long grown = Files.size(file());

            // under sustained writes the file grows by megabytes a second: a check once a minute let it reach a gigabyte
            long giveUpAt = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (Files.size(file()) >= grown / 2 && System.nanoTime() - giveUpAt < 0) {
                Thread.sleep(100);
            }

            assertThat(Files.size(file())).as("the file %s after the periodic check", file()).isLessThan(grown / 2);
        } finally {
            compaction.close();
        }
    }

    @Test
    void once_closed_it_compacts_nothing_more() {
        TestPersistenceComponent persistence = fixture.start();
        write(persistence.auditLog(), WorkspaceId.random(), 100);
        EmbeddedStoreCompaction compaction = new EmbeddedStoreCompaction(persistence.dataSource(), Optional.of(file()), 1);
        compaction.start();

        compaction.close();

        assertThat(compaction.compactIfGrown()).isFalse();
    }
}
