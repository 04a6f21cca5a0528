package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.Connection;
import ai.askel.confluence.domain.Runbook;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.ports.in.PublishResult;
import ai.askel.confluence.ports.in.PublishRunbookCommand;
import ai.askel.confluence.ports.in.PublishRunbookUseCase;
import ai.askel.confluence.ports.out.ConfluenceAccess;
import ai.askel.confluence.ports.out.RunbookRepositoryPort;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishes a runbook page, idempotently: takes this runbook's turn (publishes of one runbook in this connector
 * take turns, {@link PublishLocks}), reads the stored runbook once and prepares the request locally
 * ({@link RunbookPreparer}), has {@link RunbookPublication} find what Confluence holds, ask the runbook what to do
 * ({@link Runbook#plan}), carry it out and save the outcome with its audit event, and audits a failure. A dry run
 * asks the same question with reads only, and is not audited.
 *
 * <p>Calls once the space is cached: a first publish with the parent recorded, one attachment and two
 * labels, 4 (a read of the recorded parent, so that nothing is created under a parent trashed since the last scan,
 * create, labels, upload; a page that already holds the title is found by the create, which Confluence refuses);
 * unchanged, 1 (a read) and no write; changed body, 2
 * (a read and a PUT). A supplied wiki body costs one more read after each write (Confluence converts it).
 */
final class PublishRunbookService implements PublishRunbookUseCase {
    static final String OPERATION = "runbook.publish";

    private final ConnectionLookup lookup;
    private final RunbookPreparer preparer;
    private final RunbookRepositoryPort runbooks;
    private final RunbookPublication publication;
    private final PublishLocks locks;
    private final AuditTrail audit;

    @Inject
    public PublishRunbookService(ConnectionLookup lookup, RunbookPreparer preparer, RunbookRepositoryPort runbooks,
                                 RunbookPublication publication, PublishLocks locks, AuditTrail audit) {
        this.lookup = lookup;
        this.preparer = preparer;
        this.runbooks = runbooks;
        this.publication = publication;
        this.locks = locks;
        this.audit = audit;
    }

    @Override
    public PublishResult publish(PublishRunbookCommand command) {
        Connection connection = lookup.connection(command.ref());
        ConfluenceAccess access = ConfluenceAccess.of(connection);
        if (command.dryRun()) {
            Optional<Runbook> stored = runbooks.findByTarget(connection.id(), command.space(), command.title());
            PublishRequest request = prepared(connection, command, stored);
            return publication.dryRun(access, request, stored);
        }
        PublishLocks.Held turn;
        try {
            turn = locks.acquire(connection.id(), command.space(), command.title());
        } catch (ConnectorException e) {
            auditFailure(command, e);
            throw e;
        }
        try (turn) {
            // read in this publish's turn, so no publish of the same runbook in this connector changes it before this one acts
            Optional<Runbook> stored = runbooks.findByTarget(connection.id(), command.space(), command.title());
            PublishRequest request = prepared(connection, command, stored);
            return audited(command, () -> publication.publish(access, request, stored));
        }
    }

    private PublishRequest prepared(Connection connection, PublishRunbookCommand command, Optional<Runbook> stored) {
        PublishRequest request = preparer.prepare(command, stored, connection.accountId());
        publication.requireSpace(ConfluenceAccess.of(connection), request);
        return request;
    }

    /**
     * A publish that succeeds is audited by {@link RunbookPublication}, in the commit that saves its state; one that
     * fails is audited here (also after a failure past that commit: then both events are there).
     */
    private PublishResult audited(PublishRunbookCommand command, Supplier<PublishResult> publish) {
        try {
            return publish.get();
        } catch (ConnectorException e) {
            auditFailure(command, e);
            throw e;
        }
    }

    private void auditFailure(PublishRunbookCommand command, ConnectorException e) {
        audit.failed(command.ref().workspace(), OPERATION, Optional.of(command.ref().connection()), Optional.empty(), e);
    }
}
