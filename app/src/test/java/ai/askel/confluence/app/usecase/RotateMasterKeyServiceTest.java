package ai.askel.confluence.app.usecase;

import ai.askel.confluence.domain.WorkspaceIds;
import ai.askel.confluence.domain.error.InvalidInputException;
import ai.askel.confluence.ports.out.MasterKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotateMasterKeyServiceTest {

    @Test
    void the_master_key_is_rotated_to_the_decoded_key_with_a_stable_id() {
        UseCaseFixture f = new UseCaseFixture();
        List<MasterKey> rotatedTo = new ArrayList<>();
        RotateMasterKeyService service = new RotateMasterKeyService(key -> {
            rotatedTo.add(key);
            return 3;
        }, f.audit);
        byte[] key = new byte[32];
        key[0] = 42;
        String base64 = Base64.getEncoder().encodeToString(key);

        assertThat(service.rotate(base64)).isEqualTo(3);
        service.rotate(base64);

        assertThat(rotatedTo).hasSize(2);
        assertThat(rotatedTo.get(0).key()).isEqualTo(key);
        assertThat(rotatedTo.get(0).id()).isEqualTo(rotatedTo.get(1).id()).startsWith("k-").doesNotContain(base64);
        assertThat(f.auditLog.recent(WorkspaceIds.DEFAULT, 5)).hasSize(2)
                .allSatisfy(e -> assertThat(e.outcome()).contains("re-encrypted 3 secrets").doesNotContain(base64));
    }

    @Test
    void a_master_key_that_is_not_32_base64_bytes_is_refused_before_rotation() {
        RotateMasterKeyService service = new RotateMasterKeyService(key -> {
            throw new AssertionError("must not rotate");
        }, new UseCaseFixture().audit);

        assertThatThrownBy(() -> service.rotate("not base64!")).isInstanceOf(InvalidInputException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> service.rotate(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> service.rotate(" ")).isInstanceOf(InvalidInputException.class);
    }

}
