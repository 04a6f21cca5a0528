package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Connection;

/** Asks Confluence whether the stored credentials still work, and records the answer. */
public interface VerifyConnectionUseCase {
    Connection verify(ConnectionRef ref);
}
