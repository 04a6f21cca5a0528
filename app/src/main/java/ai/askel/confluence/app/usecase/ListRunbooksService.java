package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.ListRunbooksUseCase;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;

/** A connection's runbooks, sorted by title; another workspace's connection is not found. */
final class ListRunbooksService implements ListRunbooksUseCase {
    private final ConnectionLookup lookup;
    private final RunbookRepositoryPort runbooks;

    @Inject
    public ListRunbooksService(ConnectionLookup lookup, RunbookRepositoryPort runbooks) {
        this.lookup = lookup;
        this.runbooks = runbooks;
    }

    @Override
    public List<Runbook> list(ConnectionRef ref) {
        lookup.connection(ref);
        return runbooks.listByConnection(ref.connection()).stream()
                .sorted(Comparator.comparing((Runbook r) -> r.title().value()).thenComparing(r -> r.space().value()))
                .toList();
    }
}
