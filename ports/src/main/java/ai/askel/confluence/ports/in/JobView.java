package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Job;
import ai.askel.confluence.ports.out.JobItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A job with one page of its items; {@code nextIndex} is where the next page starts, if there is one. */
public record JobView(Job job, List<JobItem> items, Optional<Integer> nextIndex) {
    public JobView {
        Objects.requireNonNull(job, "job");
        items = List.copyOf(items);
        Objects.requireNonNull(nextIndex, "nextIndex");
    }
}
