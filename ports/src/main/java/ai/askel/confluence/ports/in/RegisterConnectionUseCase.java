package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Connection;

/** Registers a customer's Confluence site after verifying the credentials with it. */
public interface RegisterConnectionUseCase {
    Connection register(RegisterConnectionCommand command);
}
