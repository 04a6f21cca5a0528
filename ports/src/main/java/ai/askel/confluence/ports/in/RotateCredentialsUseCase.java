package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Connection;

/** Replaces a connection's API token after Confluence accepted the new one. */
public interface RotateCredentialsUseCase {
    Connection rotate(RotateCredentialsCommand command);
}
