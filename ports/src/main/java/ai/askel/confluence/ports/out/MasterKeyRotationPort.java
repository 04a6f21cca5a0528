package ai.askel.confluence.ports.out;

/** Re-encrypts every stored secret under a new master key, all in one transaction. */
public interface MasterKeyRotationPort {
    /** Answers how many secrets were re-encrypted; afterwards only the new key decrypts them. */
    int rotateTo(MasterKey newKey);
}
