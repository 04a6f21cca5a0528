package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Secret;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A new API token (and optionally email) for a connection; verified before it replaces the old one. */
public record RotateCredentialsCommand(ConnectionRef ref, Optional<String> email, Secret apiToken, Optional<LocalDate> tokenExpiresOn) {
    public RotateCredentialsCommand {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(tokenExpiresOn, "tokenExpiresOn");
    }
}
