package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.ContentHash;
import ai.askel.confluence.domain.WorkspaceId;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.out.IdempotencyRecord;
import ai.askel.confluence.ports.out.IdempotencyRecord.StoredResponse;
import ai.askel.confluence.ports.out.IdempotencyRepositoryPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link IdempotencyRepositoryPort}: every database runs it, and so does the app against its in-memory fake. */
public abstract class IdempotencyRepositoryContract extends RepositoryContract {
    private IdempotencyRepositoryPort records;
    private WorkspaceId workspace;

    protected IdempotencyRepositoryContract(Source source) {
        super(source);
    }

    @BeforeEach
    public void freshWorkspace() {
        records = ports.idempotency();
        workspace = WorkspaceId.random();
    }

    private IdempotencyRecord claim(String key, Instant expiresAt) {
        return new IdempotencyRecord(workspace, key, ContentHash.of("POST /pages", key), Optional.empty(), Fixtures.NOW, expiresAt,
                Fixtures.NOW.plusSeconds(30));
    }

    private static String newKey() {
        return "req-" + UUID.randomUUID();
    }

    @Test
    public void the_first_claim_wins_and_a_second_changes_nothing() {
        String key = newKey();
        IdempotencyRecord first = claim(key, Fixtures.NOW.plus(Duration.ofHours(24)));

        assertThat(records.tryClaim(first)).isTrue();
        IdempotencyRecord second = new IdempotencyRecord(workspace, key, ContentHash.of("another body"), Optional.empty(),
                Fixtures.NOW.plusSeconds(1), Fixtures.NOW.plusSeconds(2), Fixtures.NOW.plusSeconds(2));
        assertThat(records.tryClaim(second)).isFalse();

        assertThat(records.find(workspace, key)).contains(first);
    }

    @Test
    public void a_key_longer_than_255_characters_is_invalid_input() {
        assertThatThrownBy(() -> records.tryClaim(claim("k".repeat(256), Fixtures.NOW.plusSeconds(60))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Idempotency-Key");
        assertThat(records.tryClaim(claim("k".repeat(255), Fixtures.NOW.plusSeconds(60)))).isTrue();
    }

    @Test
    public void the_same_key_in_another_workspace_is_another_record() {
        String key = newKey();
        records.tryClaim(claim(key, Fixtures.NOW.plusSeconds(60)));

        IdempotencyRecord elsewhere = new IdempotencyRecord(WorkspaceId.random(), key, ContentHash.of("x"), Optional.empty(),
                Fixtures.NOW, Fixtures.NOW.plusSeconds(60), Fixtures.NOW.plusSeconds(30));
        assertThat(records.tryClaim(elsewhere)).isTrue();
        assertThat(records.find(WorkspaceId.random(), key)).isEmpty();
    }

    @Test
    public void an_abandoned_claim_is_taken_over_once_its_lease_ran_out_and_not_before() {
        String key = newKey();
        IdempotencyRecord claimed = claim(key, Fixtures.NOW.plus(Duration.ofHours(24)));
        records.tryClaim(claimed);
        Instant lease = claimed.leaseExpiresAt();

        assertThat(records.takeOver(workspace, key, claimed.requestHash(), lease.minusSeconds(1), lease.plusSeconds(30)))
                .as("the lease still runs").isFalse();
        assertThat(records.takeOver(workspace, key, ContentHash.of("another request"), lease.plusSeconds(1), lease.plusSeconds(31)))
                .as("another request never takes it over").isFalse();
        assertThat(records.takeOver(workspace, key, claimed.requestHash(), lease.plusSeconds(1), lease.plusSeconds(31))).isTrue();
        assertThat(records.takeOver(workspace, key, claimed.requestHash(), lease.plusSeconds(1), lease.plusSeconds(32)))
                .as("the new owner's lease runs").isFalse();
        assertThat(records.find(workspace, key).orElseThrow().leaseExpiresAt()).isEqualTo(lease.plusSeconds(31));
    }

    @Test
    public void renewing_extends_an_in_progress_claim_but_not_a_completed_one() {
        String key = newKey();
        IdempotencyRecord claimed = claim(key, Fixtures.NOW.plus(Duration.ofHours(24)));
        records.tryClaim(claimed);

        assertThat(records.renew(workspace, key, Fixtures.NOW.plusSeconds(90))).isTrue();
        assertThat(records.find(workspace, key).orElseThrow().isAbandoned(Fixtures.NOW.plusSeconds(60))).isFalse();

        records.complete(workspace, key, new StoredResponse(201, "{}"));
        assertThat(records.renew(workspace, key, Fixtures.NOW.plusSeconds(120))).isFalse();
        assertThat(records.takeOver(workspace, key, claimed.requestHash(), Fixtures.NOW.plusSeconds(200), Fixtures.NOW.plusSeconds(230)))
                .as("a completed request is replayed, never taken over").isFalse();
    }

    @Test
    public void complete_stores_the_response_to_replay() {
        String key = newKey();
        IdempotencyRecord claimed = claim(key, Fixtures.NOW.plusSeconds(60));
        records.tryClaim(claimed);
        StoredResponse response = new StoredResponse(201, "{\"pageId\":\"98765\",\"title\":\"Payments API ✓\"}");

        records.complete(workspace, key, response);

        assertThat(records.find(workspace, key).orElseThrow().response()).contains(response);
    }

    @Test
    public void completing_a_key_nobody_claimed_is_not_found() {
        assertThatThrownBy(() -> records.complete(workspace, "never-claimed", new StoredResponse(200, "{}")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("never-claimed");
    }

    @Test
    public void release_frees_a_claim_in_progress_but_never_a_completed_one() {
        String running = newKey();
        String done = newKey();
        records.tryClaim(claim(running, Fixtures.NOW.plusSeconds(60)));
        records.tryClaim(claim(done, Fixtures.NOW.plusSeconds(60)));
        records.complete(workspace, done, new StoredResponse(200, "{}"));

        records.release(workspace, running);
        records.release(workspace, done);

        assertThat(records.find(workspace, running)).isEmpty();
        assertThat(records.tryClaim(claim(running, Fixtures.NOW.plusSeconds(60)))).isTrue();
        assertThat(records.find(workspace, done).orElseThrow().response()).isPresent();
    }

    @Test
    public void delete_expired_removes_only_records_that_expired_before_now() {
        Instant now = Instant.parse("2031-01-01T00:00:00Z"); // later than every other test's records
        String expired = newKey();
        String alive = newKey();
        records.tryClaim(claim(expired, now.minusSeconds(1)));
        records.tryClaim(claim(alive, now.plusSeconds(1)));

        int deleted = records.deleteExpired(now);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(records.find(workspace, expired)).isEmpty();
        assertThat(records.find(workspace, alive)).isPresent();
    }

    @Test
    public void of_concurrent_claims_of_one_key_exactly_one_wins() throws Exception {
        String key = newKey();
        int contenders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return records.tryClaim(claim(key, Fixtures.NOW.plusSeconds(60)));
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
