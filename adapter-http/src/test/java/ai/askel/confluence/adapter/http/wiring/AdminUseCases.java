package ai.askel.confluence.adapter.http.wiring;

import ai.askel.confluence.ports.in.ManageApiKeysUseCase;
import ai.askel.confluence.ports.in.ManageWorkspacesUseCase;
import ai.askel.confluence.ports.in.ReadAuditLogUseCase;

/** The administration use cases in one test double (their methods would clash with the connection use cases' in {@link UseCases}). */
public interface AdminUseCases extends ManageWorkspacesUseCase, ManageApiKeysUseCase, ReadAuditLogUseCase {
}
