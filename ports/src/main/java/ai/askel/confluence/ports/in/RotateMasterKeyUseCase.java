package ai.askel.confluence.ports.in;

/** Re-encrypts every stored secret under a new master key. */
public interface RotateMasterKeyUseCase {
    /** Answers how many secrets were re-encrypted. */
    int rotate(String newKeyBase64);
}
