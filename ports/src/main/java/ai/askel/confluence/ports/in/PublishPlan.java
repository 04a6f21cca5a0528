package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.PublishAction;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a publish does (or, in a dry run, would do): the page action, the body, and the extras to write. */
public record PublishPlan(PublishAction action, boolean createParent, String renderedBody, Set<Label> labelsToAdd,
                          List<String> attachmentsToUpload) {
    public PublishPlan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(renderedBody, "renderedBody");
        labelsToAdd = Set.copyOf(labelsToAdd);
        attachmentsToUpload = List.copyOf(attachmentsToUpload);
    }
}
