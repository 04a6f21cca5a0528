package ai.askel.confluence.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.askel.confluence.domain.Secret;
import ai.askel.confluence.domain.error.ConnectorException;
import ai.askel.confluence.domain.error.ErrorCode;
import ai.askel.confluence.ports.out.EncryptedSecret;
import ai.askel.confluence.ports.out.MasterKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AesGcmSecretCipherAdapterTest {
    private final MasterKey key = MasterKeys.generate();
    private final AesGcmSecretCipherAdapter cipher = new AesGcmSecretCipherAdapter(key);
    private final Secret token = Fixtures.token();

    private static void assertKeyMismatch(Throwable e) {
        assertThat(e).isInstanceOfSatisfying(ConnectorException.class, c -> assertThat(c.code()).isEqualTo(ErrorCode.SECRET_KEY_MISMATCH));
    }

    @Test
    void a_value_decrypts_to_the_secret_it_encrypted() {
        EncryptedSecret encrypted = cipher.encrypt(token);

        assertThat(cipher.decrypt(encrypted).reveal()).isEqualTo(token.reveal());
        assertThat(encrypted.keyId()).isEqualTo(key.id()).isEqualTo(cipher.currentKeyId());
        assertThat(encrypted.nonce()).hasSize(12);
        assertThat(encrypted.ciphertext()).hasSize(token.reveal().getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(encrypted.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(token.reveal());
    }

    @Test
    void every_encryption_uses_a_fresh_nonce() {
        EncryptedSecret first = cipher.encrypt(token);
        EncryptedSecret second = cipher.encrypt(token);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void a_value_under_another_key_id_fails_naming_both_keys() {
        EncryptedSecret foreign = new AesGcmSecretCipherAdapter(MasterKeys.generate()).encrypt(token);

        assertThatThrownBy(() -> cipher.decrypt(foreign))
                .satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch)
                .hasMessageContaining(foreign.keyId())
                .hasMessageContaining(key.id())
                .hasMessageNotContaining(token.reveal());
    }

    @Test
    void a_different_key_under_the_same_id_fails_rather_than_answering_garbage() {
        MasterKey impostor = new MasterKey(key.id(), MasterKeys.generate().key());

        assertThatThrownBy(() -> new AesGcmSecretCipherAdapter(impostor).decrypt(cipher.encrypt(token)))
                .satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch);
    }

    @Test
    void a_tampered_ciphertext_nonce_or_key_id_fails() {
        EncryptedSecret good = cipher.encrypt(token);
        byte[] ciphertext = good.ciphertext();
        ciphertext[ciphertext.length - 1] ^= 0x40;
        byte[] nonce = good.nonce();
        nonce[0] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(key.id(), good.nonce(), ciphertext)))
                .satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(key.id(), nonce, good.ciphertext())))
                .satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch);
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(key.id(), new byte[8], good.ciphertext())))
                .satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch).hasMessageContaining("nonce");
    }

    @Test
    void the_key_id_is_bound_to_the_value() {
        // the same key material known under another id (say, re-imported) must not decrypt values of the first id
        MasterKey renamed = new MasterKey("k-renamed", key.key());
        EncryptedSecret underRenamed = new AesGcmSecretCipherAdapter(renamed).encrypt(token);

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(key.id(), underRenamed.nonce(), underRenamed.ciphertext())))
                .satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch);
    }

    @Test
    void after_switching_keys_only_the_new_key_decrypts_new_values() {
        EncryptedSecret old = cipher.encrypt(token);
        MasterKey next = MasterKeys.generate();

        cipher.switchTo(next);

        assertThat(cipher.currentKeyId()).isEqualTo(next.id());
        assertThat(cipher.decrypt(cipher.encrypt(token)).reveal()).isEqualTo(token.reveal());
        assertThatThrownBy(() -> cipher.decrypt(old)).satisfies(AesGcmSecretCipherAdapterTest::assertKeyMismatch);
    }
}
