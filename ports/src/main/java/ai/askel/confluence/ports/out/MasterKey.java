package ai.askel.confluence.ports.out;

import java.util.Objects;

/** An AES-256 key that encrypts secrets at rest, and its id (stored beside each value so keys can rotate). */
public final class MasterKey {
    private final String id;
    private final byte[] key;

    public MasterKey(String id, byte[] key) {
        this.id = Objects.requireNonNull(id, "id");
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a master key is 32 bytes (AES-256)");
        }
        this.key = key.clone();
    }

    public String id() {
        return id;
    }

    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + ", ****]";
    }
}
