package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;
import ai.askel.confluence.domain.error.NotFoundException;
import ai.askel.confluence.ports.in.ConnectionRef;
import ai.askel.confluence.ports.in.GetRunbookUseCase;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;

/** A stored runbook of the connection; another connection's or workspace's is not found. */
final class GetRunbookService implements GetRunbookUseCase {
    private final RunbookRepositoryPort runbooks;

    @Inject
    public GetRunbookService(RunbookRepositoryPort runbooks) {
        this.runbooks = runbooks;
    }

    @Override
    public Runbook get(ConnectionRef ref, RunbookId runbook) {
        return find(runbooks, ref, runbook);
    }

    static Runbook find(RunbookRepositoryPort runbooks, ConnectionRef ref, RunbookId runbook) {
        return runbooks.find(ref.workspace(), runbook)
                .filter(r -> r.connection().equals(ref.connection()))
                .orElseThrow(() -> new NotFoundException("runbook " + runbook + " not found"));
    }
}
