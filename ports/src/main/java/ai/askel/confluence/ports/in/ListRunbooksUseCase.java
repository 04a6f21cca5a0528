package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Runbook;
import java.util.List;

/** The runbooks a connection manages, by title; {@code NotFoundException} if the connection is not the workspace's. */
public interface ListRunbooksUseCase {
    List<Runbook> list(ConnectionRef ref);
}
