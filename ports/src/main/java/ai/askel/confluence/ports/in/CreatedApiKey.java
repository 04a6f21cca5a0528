package ai.askel.confluence.ports.in;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.ports.out.ApiKeyRecord;
import java.util.Objects;

/** A new API key: the record as stored, and the key itself, shown this once and never again. */
public record CreatedApiKey(ApiKeyRecord record, Secret key) {
    public CreatedApiKey {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(key, "key");
    }
}
