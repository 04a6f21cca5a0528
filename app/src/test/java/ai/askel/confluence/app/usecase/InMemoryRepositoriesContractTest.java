package ai.askel.confluence.app.usecase;

import ai.askel.confluence.adapter.persistence.ApiKeyRepositoryContract;
import ai.askel.confluence.adapter.persistence.AuditLogContract;
import ai.askel.confluence.adapter.persistence.ConnectionRepositoryContract;
import ai.askel.confluence.adapter.persistence.DriftFindingRepositoryContract;
import ai.askel.confluence.adapter.persistence.DriftScanStatusContract;
import ai.askel.confluence.adapter.persistence.IdempotencyRepositoryContract;
import ai.askel.confluence.adapter.persistence.ManagedPageRepositoryContract;
import ai.askel.confluence.adapter.persistence.RepositoryContract.Source;
import ai.askel.confluence.adapter.persistence.RunbookRepositoryContract;
import ai.askel.confluence.adapter.persistence.WorkspaceRepositoryContract;
import org.junit.jupiter.api.Nested;

/** The persistence adapter's port contracts, run against the in-memory fakes the use-case tests stand on. */
class InMemoryRepositoriesContractTest {
    private static final Source FAKES = Source.of(InMemoryRepositories.Store::new);

    @Nested
    class Connections extends ConnectionRepositoryContract {
        Connections() {
            super(FAKES);
        }
    }

    @Nested
    class Runbooks extends RunbookRepositoryContract {
        Runbooks() {
            super(FAKES);
        }
    }

    @Nested
    class ManagedPages extends ManagedPageRepositoryContract {
        ManagedPages() {
            super(FAKES);
        }
    }

    @Nested
    class DriftFindings extends DriftFindingRepositoryContract {
        DriftFindings() {
            super(FAKES);
        }
    }

    @Nested
    class DriftScans extends DriftScanStatusContract {
        DriftScans() {
            super(FAKES);
        }
    }

    @Nested
    class ApiKeys extends ApiKeyRepositoryContract {
        ApiKeys() {
            super(FAKES);
        }
    }

    @Nested
    class Workspaces extends WorkspaceRepositoryContract {
        Workspaces() {
            super(FAKES);
        }
    }

    @Nested
    class Idempotency extends IdempotencyRepositoryContract {
        Idempotency() {
            super(FAKES);
        }
    }

    @Nested
    class AuditLog extends AuditLogContract {
        AuditLog() {
            super(FAKES);
        }
    }
}
