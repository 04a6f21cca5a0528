package ai.askel.confluence.adapter.persistence;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.ports.out.MasterKey;
import ai.askel.confluence.ports.out.MasterKeyRotationPort;
import ai.askel.confluence.ports.out.SecretBinding;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every API token under a new master key in one transaction: the rows are locked, each
 * token is decrypted with the current key and encrypted with the new one under a fresh nonce. If
 * any token fails (one under a key this instance does not have, say), nothing changes. Only after
 * the commit does the new key become the current one (and, with a key file, the file's key).
 */
@Singleton
final class MasterKeyRotationAdapter implements MasterKeyRotationPort {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotationAdapter.class);

    private final Database db;
    private final AesGcmSecretCipherAdapter cipher;
    private final MasterKeySource keys;
    private final SecretScrubber scrubber;

    @Inject
    MasterKeyRotationAdapter(Database db, AesGcmSecretCipherAdapter cipher, MasterKeySource keys, SecretScrubber scrubber) {
        this.db = db;
        this.cipher = cipher;
        this.keys = keys;
        this.scrubber = scrubber;
    }

    /**
     * The id stored beside each value is always derived from the key material (whatever id the
     * caller chose), so the same key configured later as {@code ASKEL_MASTER_KEY} is recognised.
     */
    @Override
    public int rotateTo(MasterKey newKey) {
        MasterKey key = MasterKeys.withDerivedId(newKey);
        List<byte[]> retired = cipher.exclusively(() -> rotate(key));
        // after the key lock is released: reads and writes of connections need not wait for the file's compaction
        scrubber.afterSecretChange(retired); // the tokens under the old key must not stay in the file
        return retired.size();
    }

    /** Re-encrypts every token and switches to the new key; answers the ciphertexts it replaced. */
    private List<byte[]> rotate(MasterKey newKey) {
        String oldKeyId = cipher.currentKeyId();
        keys.stage(newKey);
        List<byte[]> retired;
        try {
            retired = db.inTransaction(h -> {
                ConnectionDao dao = h.attach(ConnectionDao.class);
                List<ConnectionRow> rows = dao.lockAll();
                for (ConnectionRow row : rows) {
                    Secret token = cipher.decrypt(row.token(), row.binding());
                    SecretBinding binding = SecretBinding.apiTokenOf(row.id());
                    dao.updateToken(row.withBoundToken(cipher.encrypt(token, newKey, Optional.of(binding))));
                }
                return rows.stream().map(ConnectionRow::tokenCiphertext).toList();
            });
        } catch (RuntimeException e) {
            keys.discardStaged();
            throw e;
        }
        cipher.switchTo(newKey);
        keys.promoteStaged();
        int count = retired.size();
        if (keys.isFileBacked()) {
            LOG.info("Re-encrypted {} API tokens from master key {} to {}; {} holds the new key", count, oldKeyId, newKey.id(),
                    keys.keyFile());
        } else {
            LOG.warn("Re-encrypted {} API tokens from master key {} to {}: set {} to the new key on every instance"
                    + " before they restart", count, oldKeyId, newKey.id(), keys.where());
        }
        return retired;
    }
}
