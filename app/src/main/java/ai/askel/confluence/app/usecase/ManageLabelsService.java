package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Label;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.domain.PageId;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ManageLabelsUseCase;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.ConfluenceLabelsPort;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/** Adds labels in one call (at most {@link Label#MAX_PER_REQUEST}) and removes them one at a time (lower-cased by {@link Label}). */
final class ManageLabelsService implements ManageLabelsUseCase {
    private final ConnectionLookup lookup;
    private final ConfluenceLabelsPort labels;
    private final AuditTrail audit;

    @Inject
    public ManageLabelsService(ConnectionLookup lookup, ConfluenceLabelsPort labels, AuditTrail audit) {
        this.lookup = lookup;
        this.labels = labels;
        this.audit = audit;
    }

    @Override
    public Set<Label> add(ConnectionRef ref, PageId page, Set<Label> toAdd) {
        Label.checkCount(toAdd.size());
        ConfluenceAccess access = lookup.access(ref);
        if (toAdd.isEmpty()) {
            return labels.list(access, page);
        }
        Set<Label> now = labels.add(access, page, toAdd);
        audit.record(ref.workspace(), "labels.add", Optional.of(ref.connection()), Optional.of(page), "added " + toAdd.size());
        return now;
    }

    @Override
    public void remove(ConnectionRef ref, PageId page, Label label) {
        ConfluenceAccess access = lookup.access(ref);
        try {
            labels.remove(access, page, label);
        } catch (NotFoundException labelOrPageMissing) {
            // Confluence answers 404 both for a missing page and for a label the page does not have; only the
            // first is an error. Listing the labels tells them apart (and throws NotFound for a missing page).
            if (labels.list(access, page).contains(label)) {
                throw labelOrPageMissing;
            }
            audit.record(ref.workspace(), "labels.remove", Optional.of(ref.connection()), Optional.of(page), "absent");
            return;
        }
        audit.record(ref.workspace(), "labels.remove", Optional.of(ref.connection()), Optional.of(page), "removed");
    }
}
