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

    /** A new token for the connection, email kept, no expiry date known. */
    public static RotateCredentialsCommand of(ConnectionRef ref, Secret apiToken) {
        return new RotateCredentialsCommand(ref, Optional.empty(), apiToken, Optional.empty());
    }

    /** The same rotation, also changing the account's email. */
    public RotateCredentialsCommand withEmail(String address) {
        return new RotateCredentialsCommand(ref, Optional.of(address), apiToken, tokenExpiresOn);
    }

    /** The same rotation, with the new token's expiry date. */
    public RotateCredentialsCommand expiringOn(LocalDate date) {
        return new RotateCredentialsCommand(ref, email, apiToken, Optional.of(date));
    }
}
