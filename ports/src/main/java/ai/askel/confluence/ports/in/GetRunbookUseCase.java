package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.RunbookId;

/** A stored runbook; {@code NotFoundException} if it is not the connection's. */
public interface GetRunbookUseCase {
    Runbook get(ConnectionRef ref, RunbookId runbook);
}
