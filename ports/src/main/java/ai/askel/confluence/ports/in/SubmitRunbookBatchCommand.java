package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.JobItemRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Publish up to {@value Job#MAX_ITEMS} runbooks through one connection, as a job the cluster runs. */
public record SubmitRunbookBatchCommand(ConnectionRef ref, List<JobItemRequest> items, Optional<String> idempotencyKey) {
    public SubmitRunbookBatchCommand {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (items.isEmpty() || items.size() > Job.MAX_ITEMS) {
            throw InvalidInputException.of("items", "a batch holds 1 to %d runbooks, was %d".formatted(Job.MAX_ITEMS, items.size()));
        }
        items = List.copyOf(items);
    }
}
