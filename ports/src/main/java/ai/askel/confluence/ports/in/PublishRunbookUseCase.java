package ai.askel.confluence.ports.in;

/** The flagship flow: a runbook page in the customer's Confluence, idempotently. */
public interface PublishRunbookUseCase {
    PublishResult publish(PublishRunbookCommand command);
}
